//! The closed lists of the funds module.

use crate::labelled_enum;

labelled_enum! {
    /// Who pays: the sources the seed practices name.
    SourceKind {
        Collective = "collective": "村（居）集体资金",
        Huimin = "huimin": "惠民资金",
        Maintenance = "maintenance": "专项维修基金",
        Property = "property": "物业",
        Developer = "developer": "开发商 / 责任单位",
        Charity = "charity": "慈善协会",
        Donation = "donation": "乡贤 / 个人捐资",
        Residents = "residents": "居民筹资",
    }
}

impl SourceKind {
    /// Whether the source's name is a private person's, printed only with consent.
    pub fn names_a_person(self) -> bool {
        matches!(self, SourceKind::Donation)
    }
}

labelled_enum! {
    /// What was given that is not money.
    InKindKind {
        Goods = "goods": "物资",
        Labour = "labour": "投工投劳",
    }
}

labelled_enum! {
    /// What a budget belongs to.
    OwnerKind {
        Decision = "decision": "决议",
        Task = "task": "任务",
    }
}
