//! Intake with photos: the form's draft photos go to the topic it registers, in one transaction.

use rusqlite::Transaction;

use super::{create, merge, NewTopic, Topic, TopicError};
use crate::attachments::{self, OwnerKind};

/// Registers a topic and hands it the photos the intake form stored under `draft_key`.
pub fn register(tx: &Transaction, new: &NewTopic, actor: &str, draft_key: Option<&str>) -> Result<Topic, TopicError> {
    let topic = create(tx, new, actor)?;
    if let Some(key) = draft_key.filter(|k| !k.trim().is_empty()) {
        attachments::claim_drafts(tx, key, OwnerKind::Topic, &topic.id)?;
    }
    Ok(topic)
}

/// Registers a topic that duplicates an open one and merges it there, in the same transaction:
/// a refused merge (the other topic was just closed) registers nothing, so she is never left
/// with a stray duplicate to merge by hand.
pub fn register_into(
    tx: &Transaction,
    new: &NewTopic,
    actor: &str,
    draft_key: Option<&str>,
    into_id: &str,
) -> Result<Topic, TopicError> {
    let topic = register(tx, new, actor, draft_key)?;
    merge(tx, &topic.id, into_id, actor)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{count, temp_store};
    use crate::topics::{Channel, HandlingClass, Scale};

    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

    fn new_topic(title: &str) -> NewTopic {
        NewTopic {
            title: title.into(),
            description: String::new(),
            channel: Channel::Snapshot,
            raised_by_person_id: None,
            raised_by_name: String::new(),
            raised_by_phone: String::new(),
            raised_at: None,
            place_id: None,
            category_id: None,
            handling_class: HandlingClass::Immediate,
            scale: Scale::Urgent,
        }
    }

    #[test]
    fn the_form_photos_belong_to_the_registered_topic() {
        let (_d, mut store) = temp_store();
        store.write(|tx| attachments::add_image(tx, OwnerKind::Draft, "form-7", "桥.png", PNG)).unwrap();
        let t = store.write(|tx| register(tx, &new_topic("便民桥被水淹"), "记录人", Some("form-7"))).unwrap();
        let photos = attachments::list(store.conn(), OwnerKind::Topic, &t.id).unwrap();
        assert_eq!(photos.len(), 1);
        assert!(attachments::list(store.conn(), OwnerKind::Draft, "form-7").unwrap().is_empty());
    }

    #[test]
    fn a_refused_topic_leaves_its_draft_photos_with_the_form() {
        let (_d, mut store) = temp_store();
        store.write(|tx| attachments::add_image(tx, OwnerKind::Draft, "form-8", "桥.png", PNG)).unwrap();
        let before = count(&store, "topics");
        store.write(|tx| register(tx, &new_topic("   "), "记录人", Some("form-8"))).unwrap_err();
        assert_eq!(count(&store, "topics"), before);
        assert_eq!(attachments::list(store.conn(), OwnerKind::Draft, "form-8").unwrap().len(), 1);
    }

    #[test]
    fn a_duplicate_registered_into_a_closed_topic_leaves_nothing_behind() {
        use crate::error::UserFacing;
        let (_d, mut store) = temp_store();
        let keep = store.write(|tx| register(tx, &new_topic("车库灯不亮"), "王秀兰", None)).unwrap();
        let merged = store.write(|tx| register_into(tx, &new_topic("车库的灯坏了"), "王秀兰", None, &keep.id)).unwrap();
        assert_eq!(merged.status, crate::topics::TopicStatus::Merged);
        store
            .write(|tx| crate::topics::move_to(tx, &keep.id, crate::topics::TopicStatus::Rejected, "王秀兰", "重复"))
            .unwrap();
        let before = count(&store, "topics");
        let err = store.write(|tx| register_into(tx, &new_topic("车库又黑了"), "王秀兰", None, &keep.id)).unwrap_err();
        assert_eq!(err.code(), "topic_merge_target_closed");
        assert_eq!(count(&store, "topics"), before, "the refused merge registered nothing");
    }
}
