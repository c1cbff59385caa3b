package io.mpgov.aws;

import java.util.List;
import java.util.Optional;

/**
 * The AWS services mpgov's main code may call, one row each: the AWS SDK v2 module (package under
 * {@code software.amazon.awssdk.services}), the botocore service model that describes its wire, and the IAM
 * service prefix of its actions. A service a feature starts to use is covered by the wire-contract and IAM
 * coverage tests once it has a row here.
 */
record AwsServices(String sdkPackage, String botocoreName, String iamPrefix) {

    static final List<AwsServices> ALL = List.of(
            new AwsServices("marketplacecatalog", "marketplace-catalog", "aws-marketplace"),
            new AwsServices("licensemanager", "license-manager", "license-manager"),
            new AwsServices("organizations", "organizations", "organizations"),
            new AwsServices("marketplaceagreement", "marketplace-agreement", "aws-marketplace"),
            new AwsServices("sesv2", "sesv2", "ses"),
            new AwsServices("costexplorer", "ce", "ce"));

    static Optional<AwsServices> ofSdkPackage(String sdkPackage) {
        return ALL.stream().filter(s -> s.sdkPackage.equals(sdkPackage)).findFirst();
    }

    static Optional<AwsServices> ofBotocoreName(String name) {
        return ALL.stream().filter(s -> s.botocoreName.equals(name)).findFirst();
    }
}
