//! Record ids and timestamps.
//!
//! Ids are UUIDv7 text: globally unique, so records written on two laptops merge without
//! collisions, and time-ordered, so an index on id is roughly an index on creation time.
//! Timestamps are UTC RFC 3339 with milliseconds, which sort correctly as text.

/// A new globally unique record id.
pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// The current UTC time as stored in every `created_at` / `updated_at` column (the core's clock,
/// [`crate::time::now`]).
pub fn now_utc() -> String {
    crate::time::now_rfc3339()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_time_ordered() {
        let a = new_id();
        std::thread::sleep(std::time::Duration::from_millis(2));
        let b = new_id();
        assert_ne!(a, b);
        assert!(a < b, "{a} should sort before {b}");
    }

    #[test]
    fn timestamps_are_utc_rfc3339() {
        let t = now_utc();
        assert!(t.ends_with('Z'), "{t}");
        assert!(chrono::DateTime::parse_from_rfc3339(&t).is_ok());
    }
}
