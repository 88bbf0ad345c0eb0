package org.kapclinic.scheduling;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A course's states and the moves between them, without a database (issue 15 item 2: the
 * rule lives on the enum, not in a map of strings).
 */
class CourseStatusTests {

	@Test
	void aCourseMovesForwardAndNeverLeavesAnEnd() {
		assertThat(CourseStatus.PLANNED.canBecome(CourseStatus.ACTIVE)).isTrue();
		assertThat(CourseStatus.PLANNED.canBecome(CourseStatus.PAUSED)).as("not started, nothing to pause").isFalse();
		assertThat(CourseStatus.ACTIVE.canBecome(CourseStatus.PAUSED)).isTrue();
		assertThat(CourseStatus.PAUSED.canBecome(CourseStatus.ACTIVE)).isTrue();
		assertThat(CourseStatus.PAUSED.canBecome(CourseStatus.COMPLETED)).as("resume first").isFalse();
		for (CourseStatus next : CourseStatus.values()) {
			assertThat(CourseStatus.COMPLETED.canBecome(next)).isFalse();
			assertThat(CourseStatus.DISCONTINUED.canBecome(next)).isFalse();
		}
	}

	@Test
	void pausingOrStoppingNeedsAReasonAndOnlyOpenCoursesTakeBookings() {
		assertThat(CourseStatus.PAUSED.needsReason()).isTrue();
		assertThat(CourseStatus.DISCONTINUED.needsReason()).isTrue();
		assertThat(CourseStatus.COMPLETED.needsReason()).isFalse();
		assertThat(CourseStatus.PLANNED.bookable()).isTrue();
		assertThat(CourseStatus.PAUSED.bookable()).isFalse();
		assertThat(CourseStatus.parse("active")).as("codes are exact").isEmpty();
	}

}
