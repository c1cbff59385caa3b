package io.mpgov.agreement;

import io.mpgov.aws.AwsClients;
import io.mpgov.aws.AwsEndpoint;
import io.mpgov.aws.AwsProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import software.amazon.awssdk.regions.Region;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Marketplace Agreement exists in us-east-1 only: a platform's AWS_REGION must not move its client. */
class MarketplaceAgreementRegionTest {

    @Test
    void theAgreementClientIsInUsEast1WhateverTheConfiguredRegion() {
        AwsClients clients = new AwsClients(new AwsProperties("ap-southeast-2", null, Duration.ofSeconds(20),
                Duration.ofSeconds(5), 3), new DefaultListableBeanFactory().getBeanProvider(AwsEndpoint.class));

        assertThat(new MarketplaceAgreementAdapter(clients).client.serviceClientConfiguration().region()).isEqualTo(Region.US_EAST_1);
    }
}
