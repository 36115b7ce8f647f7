//! 散会 and 上轮议定事项落实情况: the meeting workflows that read a meeting's parts together.
//!
//! `proceedings` owns no table. [`close`] is the one transaction that freezes the minutes
//! (through `minutes`), moves each topic on the agenda along by what was decided on it (through
//! `decisions` and `topics::move_to`) and credits participation points (through `points`).
//! [`followup_summary`] is item 1 of every meeting: earlier decisions still being carried out.
//! It sits above `meetings` and `decisions` so that neither needs the other's insides:
//! `decisions` reads meetings (a decision belongs to an agenda item), never the reverse.
//!
//! Left to others: the meeting itself, its agenda, sign-in and reopening (`meetings`), votes
//! (`votes`), decisions and tasks (`decisions`). Errors are `meetings::MeetingError`, the same
//! codes the screen already knows.

mod close;
mod followup;
mod next;

pub use close::{close, CloseReport};
pub use followup::{followup_summary, FollowUpLine};
pub use next::{next_meeting, NextMeeting};
