//! End-to-end tests: the real app through tauri-driver and WebKitWebDriver under Xvfb, one test
//! binary for all of them (each binary links Tauri and WebKit); `e2e_support::SERIAL` makes the
//! journeys take turns.

mod e2e_support;

mod app;
mod archive;
mod ballots;
mod between_meetings;
mod cadence;
mod clock;
mod followup;
mod funds;
mod meetings;
mod notices;
mod people;
mod search;
mod setup;
mod topic_plan;
mod topics;
mod who_decides;
