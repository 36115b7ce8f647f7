use thiserror::Error;

use crate::error::UserFacing;
use crate::topics::{TopicError, TopicStatus};
use crate::validate::FieldError;

/// Why a meeting, its agenda or its participants could not be written.
#[derive(Debug, Error)]
pub enum MeetingError {
    #[error(transparent)]
    Invalid(#[from] FieldError),
    #[error("没有找到这次会议（可能已被删除）。")]
    NotFound { id: String },
    #[error("会议还没有散会：请直接在会议的决定里添加任务。")]
    NotClosedYet,
    #[error("没有找到这个议程项（可能已被移出议程）。")]
    ItemNotFound { id: String },
    #[error("没有找到这位参会人员。")]
    ParticipantNotFound { id: String },
    #[error("没有找到这个参会模式（可能已被删除），请刷新后重新选择。")]
    PatternNotFound { id: String },
    #[error("名册中没有找到这个人（可能已被删除），请重新选择。")]
    PersonNotFound { id: String },
    #[error("会议“{title}”已散会，不能再修改。如需更正，请先重新打开会议并写明原因。")]
    Closed { title: String },
    #[error("会议“{title}”还没有散会，不需要重新打开。")]
    NotClosed { title: String },
    #[error("议题“{title}”现在是“{}”，只有已审定的议题才能列入议程。", .status.label())]
    TopicNotAccepted { title: String, status: TopicStatus },
    #[error("议题“{title}”不在这次会议的议程上，请先把它列入议程，再邀请它的利益相关方。")]
    TopicNotOnAgenda { title: String },
    #[error("“上轮议定事项落实情况”固定是第一项，不能调整它的位置。")]
    FollowUpStaysFirst,
    #[error("新的顺序与当前议程不一致（可能刚被修改过），请刷新后再调整。")]
    OrderMismatch,
    #[error("“{title}”已有会议记录、表决或决定，不能移出议程。")]
    ItemHasRecords { title: String },
    #[error("“{text}”不是会议的重复方式，请选择不重复、每周、每两周或每月某日。")]
    UnknownRecurrence { text: String },
    #[error("每月重复的日子“{text}”不对：请填1到31之间的数字（29–31日在小月为当月最后一天）。")]
    BadRecurrenceDay { text: String },
    #[error("每月重复：请填写每月哪一天开会（1到31）。")]
    MissingRecurrenceDay,
    #[error("每周重复的星期“{text}”不对：请选择星期一到星期日。")]
    BadRecurrenceWeekday { text: String },
    #[error("会议“{title}”没有设置重复，不能自动创建下一次会议。请先在会议信息里选择重复方式。")]
    NotRecurring { title: String },
    #[error("会议“{title}”的下一次会议已经创建了（{next_title}），不能重复创建。")]
    NextExists { title: String, next_title: String },
    #[error(transparent)]
    Topic(#[from] TopicError),
    #[error(transparent)]
    Minutes(#[from] crate::minutes::MinutesError),
    #[error(transparent)]
    Points(#[from] crate::points::PointsError),
    #[error(transparent)]
    Search(#[from] crate::search::SearchError),
    #[error(transparent)]
    Community(#[from] crate::community::CommunityError),
    #[error("保存会议时出错：{}", crate::error::db_words(.0))]
    Db(#[from] rusqlite::Error),
}

impl UserFacing for MeetingError {
    fn code(&self) -> &'static str {
        match self {
            MeetingError::Invalid(e) => e.code(),
            MeetingError::NotFound { .. } => "meeting_not_found",
            MeetingError::NotClosedYet => "meeting_not_closed_yet",
            MeetingError::ItemNotFound { .. } => "meeting_item_not_found",
            MeetingError::ParticipantNotFound { .. } => "meeting_participant_not_found",
            MeetingError::PersonNotFound { .. } => "meeting_person_not_found",
            MeetingError::Closed { .. } => "meeting_closed",
            MeetingError::PatternNotFound { .. } => "meeting_pattern_not_found",
            MeetingError::NotClosed { .. } => "meeting_not_closed",
            MeetingError::TopicNotAccepted { .. } => "meeting_topic_not_accepted",
            MeetingError::TopicNotOnAgenda { .. } => "meeting_topic_not_on_agenda",
            MeetingError::FollowUpStaysFirst => "meeting_follow_up_stays_first",
            MeetingError::OrderMismatch => "meeting_order_mismatch",
            MeetingError::ItemHasRecords { .. } => "meeting_item_has_records",
            MeetingError::UnknownRecurrence { .. } => "meeting_recurrence_unknown",
            MeetingError::BadRecurrenceDay { .. } => "meeting_recurrence_bad_day",
            MeetingError::MissingRecurrenceDay => "meeting_recurrence_missing_day",
            MeetingError::BadRecurrenceWeekday { .. } => "meeting_recurrence_bad_weekday",
            MeetingError::NotRecurring { .. } => "meeting_not_recurring",
            MeetingError::NextExists { .. } => "meeting_next_exists",
            MeetingError::Topic(e) => e.code(),
            MeetingError::Minutes(e) => e.code(),
            MeetingError::Points(e) => e.code(),
            MeetingError::Search(e) => e.code(),
            MeetingError::Community(e) => e.code(),
            MeetingError::Db(_) => "db_error",
        }
    }

    fn field(&self) -> Option<&str> {
        match self {
            MeetingError::Invalid(e) => e.field(),
            MeetingError::UnknownRecurrence { .. }
            | MeetingError::BadRecurrenceDay { .. }
            | MeetingError::MissingRecurrenceDay
            | MeetingError::BadRecurrenceWeekday { .. } => Some("重复"),
            MeetingError::Topic(e) => e.field(),
            MeetingError::Minutes(e) => e.field(),
            MeetingError::Points(e) => e.field(),
            MeetingError::Community(e) => e.field(),
            _ => None,
        }
    }
}
