package org.kapclinic.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what a request may send ({@code kap.web.*}).
 *
 * @param maxRequestSize the largest request body accepted, before anything reads it (1
 * MB; the largest form, a long note, is a few tens of KB). Larger is a 413 problem:
 * without a limit a 30 MB body was parsed for anyone, signed in or not (issue 16).
 */
@ConfigurationProperties("kap.web")
record WebSettings(DataSize maxRequestSize) {

	WebSettings {
		maxRequestSize = (maxRequestSize == null) ? DataSize.ofMegabytes(1) : maxRequestSize;
	}

}
