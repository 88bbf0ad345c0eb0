-- The outcomes report's chart over weeks since the first dose (issue 18, "Charts"): per (course,
-- instrument) the score at each week, weekly[1] the baseline (week 0) and weekly[k + 1] the mean of the
-- complete scores taken in week k (days 7k - 6 to 7k after the first dose), null where none was taken.
-- The rows are derived again on the next start (model 4).
alter table reports.course_outcome add column weekly float8[];
