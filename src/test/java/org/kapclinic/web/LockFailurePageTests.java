package org.kapclinic.web;

import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A form whose transaction lost a lock (a deadlock victim, a lock wait that timed out)
 * was rolled back whole: the person sees a 503 page that says nothing was saved and to
 * send it again, not "Something went wrong on our side" (the API's side of this is in
 * {@code FundApiContractTests}).
 */
class LockFailurePageTests {

	@Test
	void aLostLockIsA503PageThatSaysNothingWasSavedAndToSendAgain() {
		ModelAndView page = new PageExceptionHandler()
			.lockLost(new CannotAcquireLockException("deadlock detected (fictional)"));
		assertThat(page.getStatus()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(page.getViewName()).isEqualTo(ProblemPage.VIEW);
		ProblemPage problem = (ProblemPage) page.getModel().get("problem");
		assertThat(problem.heading()).isEqualTo("Not saved: please try again");
		assertThat(problem.detail()).contains("nothing was saved", "Send the form again");
	}

}
