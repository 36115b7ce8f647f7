//! Possible duplicates of a title being typed: open topics that share enough of its words.
//!
//! Chinese titles of the same problem rarely match verbatim (“地下车库灯不亮” / “车库照明坏了”), so
//! the title is cut into character bigrams (as the search index is) and each bigram is looked up
//! in the index on its own; a topic that contains at least a quarter of them is a candidate.
//! Candidates are ranked by how many bigrams they share, then newest first. Only open topics are
//! offered: a finished topic cannot take a merge.

use std::collections::HashMap;

use rusqlite::Connection;

use super::{get, Topic, TopicError};
use crate::search::{self, DocKind, SearchQuery};

/// At most this many candidates are shown under the title.
const MAX_SHOWN: usize = 5;
/// Only the first bigrams of a long title are looked up: duplicates show early.
const MAX_BIGRAMS: usize = 24;

/// Open topics similar to `title`, best first; empty for a title too short to judge.
pub fn similar_open(conn: &Connection, title: &str) -> Result<Vec<Topic>, TopicError> {
    let grams = bigrams(title);
    if grams.is_empty() {
        return Ok(Vec::new());
    }
    let mut shared: HashMap<String, usize> = HashMap::new();
    for gram in &grams {
        let mut q = SearchQuery::new(gram.clone());
        q.kinds = vec![DocKind::Topic];
        q.limit = 200;
        for hit in search::search(conn, &q)?.hits {
            *shared.entry(hit.record_id).or_default() += 1;
        }
    }
    let needed = grams.len().div_ceil(4);
    let mut found = Vec::new();
    for (id, n) in shared.into_iter().filter(|(_, n)| *n >= needed) {
        match get(conn, &id) {
            Ok(t) if t.status.is_open() => found.push((n, t)),
            Ok(_) | Err(TopicError::NotFound { .. }) => {}
            Err(e) => return Err(e),
        }
    }
    found.sort_by(|(na, a), (nb, b)| nb.cmp(na).then_with(|| b.raised_at.cmp(&a.raised_at)));
    Ok(found.into_iter().take(MAX_SHOWN).map(|(_, t)| t).collect())
}

/// Distinct character bigrams of each run of letters and digits; a one-character run counts
/// as itself only when the whole title is that one character.
fn bigrams(title: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for run in title.split(|c: char| !c.is_alphanumeric()).filter(|r| !r.is_empty()) {
        let chars: Vec<char> = run.chars().flat_map(char::to_lowercase).collect();
        for pair in chars.windows(2) {
            let gram: String = pair.iter().collect();
            if !out.contains(&gram) && out.len() < MAX_BIGRAMS {
                out.push(gram);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;
    use crate::testing::temp_store;
    use crate::topics::{create, merge, move_to, Channel, HandlingClass, NewTopic, Scale, TopicStatus};

    fn add(store: &mut Store, title: &str) -> Topic {
        let new = NewTopic {
            title: title.into(),
            description: String::new(),
            channel: Channel::Phone,
            raised_by_person_id: None,
            raised_by_name: String::new(),
            raised_by_phone: String::new(),
            raised_at: None,
            place_id: None,
            category_id: None,
            handling_class: HandlingClass::Community,
            scale: Scale::Minor,
        };
        store.write(|tx| create(tx, &new, "记录人")).expect("create")
    }

    fn titles(found: &[Topic]) -> Vec<&str> {
        found.iter().map(|t| t.title.as_str()).collect()
    }

    #[test]
    fn a_differently_worded_title_of_the_same_problem_is_found() {
        let (_d, mut store) = temp_store();
        add(&mut store, "3号楼地下车库灯不亮");
        add(&mut store, "共享单车乱停放");
        add(&mut store, "夜间广场舞音乐扰民");
        let found = similar_open(store.conn(), "地下车库照明坏了").unwrap();
        assert_eq!(titles(&found), ["3号楼地下车库灯不亮"]);
    }

    #[test]
    fn the_closest_comes_first_and_unrelated_topics_stay_out() {
        let (_d, mut store) = temp_store();
        add(&mut store, "小区停车位不够");
        add(&mut store, "小区电动车充电桩申请");
        add(&mut store, "小区电动车乱停放");
        let found = similar_open(store.conn(), "电动车充电桩").unwrap();
        assert_eq!(titles(&found), ["小区电动车充电桩申请", "小区电动车乱停放"]);
    }

    #[test]
    fn finished_and_merged_topics_are_not_offered() {
        let (_d, mut store) = temp_store();
        let rejected = add(&mut store, "楼道堆放杂物");
        let merged = add(&mut store, "楼道杂物堆放");
        let open = add(&mut store, "楼道里堆放杂物挡路");
        store.write(|tx| move_to(tx, &rejected.id, TopicStatus::Rejected, "李书记", "重复")).unwrap();
        store.write(|tx| merge(tx, &merged.id, &open.id, "李书记")).unwrap();
        let found = similar_open(store.conn(), "楼道杂物").unwrap();
        assert_eq!(titles(&found), ["楼道里堆放杂物挡路"]);
    }

    #[test]
    fn punctuation_or_one_character_finds_nothing() {
        let (_d, mut store) = temp_store();
        add(&mut store, "路灯不亮");
        assert!(similar_open(store.conn(), "").unwrap().is_empty());
        assert!(similar_open(store.conn(), "？！").unwrap().is_empty());
        assert!(similar_open(store.conn(), "灯").unwrap().is_empty());
    }
}
