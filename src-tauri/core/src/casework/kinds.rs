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
