//! The community itself: its settings, places, households, the roster and the topic catalogue.
//!
//! `community` owns the tables `community_settings`, `places`, `households`, `people`,
//! `role_terms` (任期, `terms.rs`), `person_moves` (迁动, `moves.rs`: who lived where on a day) and `categories`. Topics, meetings and notices refer to these rows by id; they never write them.
//! Phone and ID numbers are stored whole; lists for the screen carry a masked copy, and public
//! documents mask through `crate::privacy`.

mod catalogue;
mod error;
mod kinds;
mod moves;
mod people;
mod places;
mod qr_picture;
mod retire;
mod settings;
mod terms;

pub use catalogue::{add_category, list_categories, rename_category, retire_category, Category};
pub use error::CommunityError;
pub use kinds::{role_label, stored_roles, PlaceKind, Role};
pub use moves::{
    end_household, move_person, person_leaves, person_moves, roster_on, update_household, HouseholdEdit,
    HouseholdOnDay, LeaveReason, Leaving, NewMove, PersonMove, RosterDay,
};
pub use people::{
    add_household, add_person, get_person, list_households, list_people, update_person, Household, NewHousehold,
    NewPerson, Person,
};
pub use places::{add_place, list_places, rename_place, NewPlace, Place};
pub use qr_picture::{clear_qr_picture, qr_picture, set_qr_picture, set_qr_picture_file, QR_PICTURE_MAX_BYTES};
pub use retire::{restore, retire, Register};
pub use settings::{
    feedback_qr, load_settings, public_numbers, public_phone, save_settings, today, zone, CommunitySettings,
    DEFAULT_QR_CAPTION, QR_TEXT_MAX_BYTES, QR_TEXT_MAX_CHARS,
};
pub use terms::{grant_role, role_terms, terms_in_force, terms_in_force_today, RoleTerm};

#[cfg(test)]
mod moves_tests;
#[cfg(test)]
mod tests;
