//! The closed lists a task is described by.

use crate::labelled_enum;

labelled_enum! {
    /// Who carries the task out.
    TaskMode {
        SelfRun = "self": "自办",
        Undertake = "undertake": "承办",
        Joint = "joint": "共办",
    }
}

labelled_enum! {
    /// Where the work stands (changed in 办理).
    TaskStatus {
        NotStarted = "not_started": "未开始",
        InProgress = "in_progress": "进行中",
        Done = "done": "已完成",
        Blocked = "blocked": "受阻",
    }
}
