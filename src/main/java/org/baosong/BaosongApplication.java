package org.baosong;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class BaosongApplication {

	public static void main(String[] args) {
		SpringApplication.run(BaosongApplication.class, args);
	}
}
