package io.mpgov;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** mpgov: the Marketplace Procurement Governor. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class MpgovApplication {

    public static void main(String[] args) {
        SpringApplication.run(MpgovApplication.class, args);
    }
}
