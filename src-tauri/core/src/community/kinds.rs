//! The closed lists of the roster and the places, stored as stable English keys; the Chinese
//! label comes from here. A renamed label never orphans stored rows, and no code matches
//! Chinese text (`Role::PartyMember`, not “党员”).

crate::labelled_enum! {
    /// The kinds of place a secretary names: 小区 / 楼栋 / 单元 (urban) or 网格 / 院坝 (rural).
    PlaceKind {
        Estate = "estate": "小区",
        Building = "building": "楼栋",
        Unit = "unit": "单元",
        Grid = "grid": "网格",
        Courtyard = "courtyard": "院坝",
        VillagerGroup = "villager_group": "村民小组",
        Other = "other": "其他",
    }
}

crate::labelled_enum! {
    /// The roles the roster offers. A person may also hold a role typed by hand (“老干部”):
    /// that one is stored as typed.
    Role {
        PartyMember = "party_member": "党员",
        ResidentRep = "resident_rep": "居民代表",
        BuildingHead = "building_head": "楼栋长",
        GridWorker = "grid_worker": "网格员",
        Property = "property": "物业",
        OwnersCommittee = "owners_committee": "业委会",
        Professional = "professional": "专业人士",
        TwoCommittees = "two_committees": "两委成员",
        Notable = "notable": "乡贤",
        Volunteer = "volunteer": "志愿者",
        Resident = "resident": "居民",
    }
}

/// How a role is stored: the key of an offered role, a typed role as typed.
pub(crate) fn stored_role(text: &str) -> String {
    Role::read(text).map_or_else(|| text.to_string(), |r| r.as_str().to_string())
}

/// How a stored role is shown: the label of an offered role, a typed role as stored.
pub fn role_label(stored: &str) -> String {
    Role::parse(stored).map_or_else(|| stored.to_string(), |r| r.label().to_string())
}

/// The roles of a `people.roles` column, as stored (keys and typed roles). Unreadable JSON reads
/// as no roles: the person is still on the roster.
pub fn stored_roles(json: &str) -> Vec<String> {
    serde_json::from_str(json).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_labels_both_read_and_typed_roles_stay_as_typed() {
        assert_eq!(PlaceKind::read("楼栋"), Some(PlaceKind::Building));
        assert_eq!(PlaceKind::read("unit"), Some(PlaceKind::Unit));
        assert_eq!(PlaceKind::read("大楼"), None);
        assert_eq!(stored_role("党员"), "party_member");
        assert_eq!(stored_role("老干部"), "老干部");
        assert_eq!(role_label("party_member"), "党员");
        assert_eq!(role_label("老干部"), "老干部");
        assert_eq!(stored_roles("not json"), Vec::<String>::new());
    }
}
