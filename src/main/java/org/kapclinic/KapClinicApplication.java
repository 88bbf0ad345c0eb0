package org.kapclinic;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * KAP Clinic: one runnable application, one package per capability (see README "Where is
 * what").
 */
@SpringBootApplication
@Modulithic(sharedModules = "shared")
@ConfigurationPropertiesScan
@EnableScheduling
// Application module listeners run after the write commits, off the request thread (ADR
// 7).
@EnableAsync
public class KapClinicApplication {

	public static void main(String[] args) {
		SpringApplication.run(KapClinicApplication.class, args);
	}

}
