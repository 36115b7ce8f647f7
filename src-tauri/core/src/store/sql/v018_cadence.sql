-- 周周碰、月月议 (issue 21): a meeting can recur, and the next one is created from the last.
-- recurrence: '' (不重复), 'weekly:N' / 'biweekly:N' (N = 1 星期一 … 7 星期日), 'monthly:D' (D = 1…31;
-- 29–31 fall on the last day of a shorter month).
ALTER TABLE meetings ADD COLUMN recurrence TEXT NOT NULL DEFAULT '';
-- The meeting this one was created from by 创建下一次会议. One per meeting is enforced in code,
-- not by a UNIQUE index, so that merging two computers' archives never fails on it.
ALTER TABLE meetings ADD COLUMN previous_meeting_id TEXT;
CREATE INDEX meetings_previous ON meetings(previous_meeting_id);
