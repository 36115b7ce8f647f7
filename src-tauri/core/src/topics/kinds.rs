//! The closed lists a topic is described by: intake channel, handling class, scale.

use crate::labelled_enum;

labelled_enum! {
    /// How the topic reached the committee.
    Channel {
        Phone = "phone": "电话",
        Wechat = "wechat": "微信群",
        Hotline12345 = "hotline_12345": "12345热线",
        HomeVisit = "home_visit": "入户走访",
        Questionnaire = "questionnaire": "问卷",
        SuggestionBox = "suggestion_box": "意见箱",
        GridWorker = "grid_worker": "网格员",
        Snapshot = "snapshot": "随手拍",
        Other = "other": "其他",
    }
}

labelled_enum! {
    /// How the grid worker sorted it: fix now, deliberate, or pass upwards.
    HandlingClass {
        Immediate = "immediate": "即办件",
        Community = "community": "代办件",
        Escalate = "escalate": "上报件",
    }
}

labelled_enum! {
    /// 大事大议, 小事小议, 急事立议.
    Scale {
        Major = "major": "大事",
        Minor = "minor": "小事",
        Urgent = "urgent": "急事",
    }
}
