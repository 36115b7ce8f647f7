//! How the secretary reached the resident (or the resident reached her).

use crate::labelled_enum;

labelled_enum! {
    /// 走访 / 电话 / 微信 / 来访: the ways a note, a 回访 or an answer happens.
    ContactMethod {
        Visit = "visit": "走访",
        Phone = "phone": "电话",
        Wechat = "wechat": "微信",
        WalkIn = "walk_in": "来访",
    }
}

labelled_enum! {
    /// Where a 上报件 went.
    EscalatedTo {
        Street = "street": "街道",
        Department = "department": "部门",
        Hotline12345 = "hotline_12345": "12345",
    }
}

labelled_enum! {
    /// What the reply to a 上报件 does to the topic: settled by the street office or department
    /// (已办结), or the community must take it up itself (back to 已审定, for the agenda).
    ReplyOutcome {
        Close = "close": "答复已解决，办结",
        BackToAgenda = "back_to_agenda": "退回社区，重新列入议事",
    }
}
