package io.mpgov.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import io.mpgov.aws.AwsClients;
import io.mpgov.support.SandboxClients;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/** Marketplace Agreement exists in us-east-1 only: a platform's AWS_REGION must not move its client. */
class MarketplaceAgreementRegionTest {

    @Test
    void theAgreementClientIsInUsEast1WhateverTheConfiguredRegion() {
        AwsClients clients = SandboxClients.at(null, "ap-southeast-2", 3);

        assertThat(new MarketplaceAgreementAdapter(clients)
                        .client
                        .serviceClientConfiguration()
                        .region())
                .isEqualTo(Region.US_EAST_1);
    }
}
