//! The closed lists a meeting is described by.

use crate::labelled_enum;

labelled_enum! {
    /// The form of the meeting (大事大议, 小事小议).
    MeetingKind {
        Bench = "bench": "板凳会",
        Courtyard = "courtyard": "院坝会",
        Council = "council": "议事会",
        Assembly = "assembly": "居民会议",
        Online = "online": "线上",
    }
}

labelled_enum! {
    /// planned → in_session → closed (and back to in_session when reopened for a correction).
    MeetingStatus {
        Planned = "planned": "筹备中",
        InSession = "in_session": "会议中",
        Closed = "closed": "已散会",
    }
}

labelled_enum! {
    /// What an agenda item is about.
    AgendaKind {
        FollowUp = "follow_up": "上轮议定事项落实情况",
        Topic = "topic": "议题",
        Other = "other": "其他事项",
    }
}

labelled_enum! {
    /// Why someone is on the meeting's list: the fixed core, a topic's stakeholder (the N of
    /// 3+N), or someone who came without an invitation.
    ParticipantKind {
        Core = "core": "固定成员",
        Stakeholder = "stakeholder": "利益相关方",
        WalkIn = "walk_in": "临时到会",
    }
}
