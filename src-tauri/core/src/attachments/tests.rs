use super::*;
use crate::error::UserFacing;
use crate::testing::{count, temp_store};
use crate::topics::{self, Channel, HandlingClass, NewTopic, Scale};

const JPEG: &[u8] = &[0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, b'J', b'F', b'I', b'F', 0, 1];
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

fn topic(store: &mut crate::store::Store) -> String {
    let new = NewTopic {
        title: "楼道堆放杂物".into(),
        description: String::new(),
        channel: Channel::Snapshot,
        raised_by_person_id: None,
        raised_by_name: "赵师傅".into(),
        raised_by_phone: String::new(),
        raised_at: None,
        place_id: None,
        category_id: None,
        handling_class: HandlingClass::Immediate,
        scale: Scale::Minor,
    };
    store.write(|tx| topics::create(tx, &new, "记录人")).expect("topic").id
}

#[test]
fn a_jpeg_and_a_png_are_stored_listed_and_read_back_whole() {
    let (_d, mut store) = temp_store();
    let id = topic(&mut store);
    let a = store.write(|tx| add_image(tx, OwnerKind::Topic, &id, "楼道.jpg", JPEG)).unwrap();
    let b = store.write(|tx| add_image(tx, OwnerKind::Topic, &id, "截图.PNG", PNG)).unwrap();
    assert_eq!((a.mime.as_str(), a.size), ("image/jpeg", JPEG.len() as i64));
    let listed = list(store.conn(), OwnerKind::Topic, &id).unwrap();
    assert_eq!(listed.iter().map(|x| x.file_name.as_str()).collect::<Vec<_>>(), ["楼道.jpg", "截图.PNG"]);
    let data = get_data(store.conn(), &b.id).unwrap();
    assert_eq!((data.mime, data.bytes.as_slice()), ("image/png", PNG));
}

#[test]
fn a_file_that_is_not_an_image_is_refused_whatever_its_name() {
    let (_d, mut store) = temp_store();
    let id = topic(&mut store);
    let before = count(&store, "attachments");
    let pdf = b"%PDF-1.7 not a photo";
    let err = store.write(|tx| add_image(tx, OwnerKind::Topic, &id, "照片.jpg", pdf)).unwrap_err();
    assert_eq!(err.code(), "attachment_not_an_image");
    assert!(err.message().contains("这不是 JPEG 或 PNG 图片"), "{}", err.message());
    let empty = store.write(|tx| add_image(tx, OwnerKind::Topic, &id, "空.png", &[])).unwrap_err();
    assert_eq!(empty.code(), "attachment_not_an_image");
    assert_eq!(count(&store, "attachments"), before);
}

#[test]
fn a_photo_over_ten_megabytes_is_refused_with_its_size() {
    let (_d, mut store) = temp_store();
    let id = topic(&mut store);
    let mut big = JPEG.to_vec();
    big.resize((23.4 * 1024.0 * 1024.0) as usize, 0);
    let err = store.write(|tx| add_image(tx, OwnerKind::Topic, &id, "大图.jpg", &big)).unwrap_err();
    assert_eq!(err.code(), "attachment_too_large");
    assert!(err.message().starts_with("照片太大（23.4 MB），最大 10 MB"), "{}", err.message());
    let mut just_fits = JPEG.to_vec();
    just_fits.resize(MAX_BYTES, 0);
    store.write(|tx| add_image(tx, OwnerKind::Topic, &id, "刚好.jpg", &just_fits)).expect("10 MB fits");
    assert_eq!(count(&store, "attachments"), 1);
}

#[test]
fn a_photo_for_a_topic_that_does_not_exist_is_refused() {
    let (_d, mut store) = temp_store();
    let err = store.write(|tx| add_image(tx, OwnerKind::Topic, "no-such-topic", "a.jpg", JPEG)).unwrap_err();
    assert_eq!(err.code(), "attachment_owner_not_found");
    assert_eq!(count(&store, "attachments"), 0);
}

#[test]
fn draft_photos_move_to_the_new_topic_and_removed_ones_stay_out() {
    let (_d, mut store) = temp_store();
    let kept = store.write(|tx| add_image(tx, OwnerKind::Draft, "form-1", "a.jpg", JPEG)).unwrap();
    let dropped = store.write(|tx| add_image(tx, OwnerKind::Draft, "form-1", "b.png", PNG)).unwrap();
    store.write(|tx| add_image(tx, OwnerKind::Draft, "form-2", "other.png", PNG)).unwrap();
    store.write(|tx| remove(tx, &dropped.id)).unwrap();
    let id = topic(&mut store);
    let moved = store.write(|tx| claim_drafts(tx, "form-1", OwnerKind::Topic, &id)).unwrap();
    assert_eq!(moved, 1);
    let listed = list(store.conn(), OwnerKind::Topic, &id).unwrap();
    assert_eq!(listed.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(), [kept.id.as_str()]);
    assert_eq!(list(store.conn(), OwnerKind::Draft, "form-2").unwrap().len(), 1);
    assert_eq!(get_data(store.conn(), &dropped.id).unwrap_err().code(), "attachment_not_found");
}

#[test]
fn a_picked_file_is_read_and_a_missing_one_is_explained() {
    let (dir, mut store) = temp_store();
    let path = dir.path().join("随手拍.png");
    std::fs::write(&path, PNG).unwrap();
    let a = store.write(|tx| add_image_file(tx, OwnerKind::Draft, "form", &path)).unwrap();
    assert_eq!(a.file_name, "随手拍.png");
    let gone = dir.path().join("拔掉的U盘.jpg");
    let err = store.write(|tx| add_image_file(tx, OwnerKind::Draft, "form", &gone)).unwrap_err();
    assert_eq!(err.code(), "attachment_unreadable");
    assert!(err.message().contains("拔掉的U盘.jpg"), "{}", err.message());
}

#[test]
fn a_meeting_keeps_its_photos_and_a_missing_meeting_is_named_in_the_refusal() {
    let (_d, mut store) = temp_store();
    let m = crate::meetings::fixtures::meeting(&mut store, "十一月板凳会", "2026-11-20T19:00:00+08:00");
    store.write(|tx| add_image(tx, OwnerKind::Meeting, &m.id, "签到表.jpg", JPEG)).unwrap();
    store.write(|tx| add_image(tx, OwnerKind::Meeting, &m.id, "现场.png", PNG)).unwrap();
    let names: Vec<_> =
        list(store.conn(), OwnerKind::Meeting, &m.id).unwrap().into_iter().map(|a| a.file_name).collect();
    assert_eq!(names, ["签到表.jpg", "现场.png"]);
    let err = store.write(|tx| add_image(tx, OwnerKind::Meeting, "no-such-meeting", "a.jpg", JPEG)).unwrap_err();
    assert_eq!(err.message(), "这张照片要添加到的会议不存在（可能已被删除）。");
    assert_eq!(count(&store, "attachments"), 2);
}
