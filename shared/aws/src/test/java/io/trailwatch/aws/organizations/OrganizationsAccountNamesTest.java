package io.trailwatch.aws.organizations;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.trailwatch.core.port.AccountNames;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.organizations.OrganizationsClient;

/** Account names from the real Organizations client, against WireMock answering as Organizations does. */
class OrganizationsAccountNamesTest {
  static final String TARGET = "AWSOrganizationsV20161128.DescribeAccount";

  @RegisterExtension
  static WireMockExtension orgs = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  OrganizationsClient client() {
    return OrganizationsClient.builder().endpointOverride(URI.create(orgs.baseUrl())).region(Region.US_EAST_1)
        .httpClient(UrlConnectionHttpClient.create())
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "x")))
        .build();
  }

  static String account(String id, String name) {
    return "{\"Account\":{\"Id\":\"" + id + "\",\"Arn\":\"arn:aws:organizations::999988887777:account/o-a1b2c3d4e5/" + id
        + "\",\"Email\":\"aws+" + name + "@example.com\",\"Name\":\"" + name + "\",\"Status\":\"ACTIVE\"}}";
  }

  @Test
  void namesComeFromOrganizationsOnceThenFromTheCache() {
    orgs.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET)).withRequestBody(containing("111122223333"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
            .withBody(account("111122223333", "prod-payments"))));
    OrganizationsAccountNames names = new OrganizationsAccountNames(client(), AccountNames.of(Map.of("444455556666", "sandbox")));

    assertThat(names.nameOf("111122223333")).isEqualTo("prod-payments");
    assertThat(names.nameOf("111122223333")).isEqualTo("prod-payments");
    assertThat(names.nameOf("444455556666")).as("a configured name wins").isEqualTo("sandbox");

    orgs.verify(1, postRequestedFor(urlEqualTo("/")));
  }

  @Test
  void whenOrganizationsIsNotAllowedTheConfiguredNamesServeFromThenOn() {
    orgs.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/x-amz-json-1.1")
        .withBody("{\"__type\":\"AccessDeniedException\",\"Message\":\"You don't have permissions to access this resource.\"}")));
    OrganizationsAccountNames names = new OrganizationsAccountNames(client(), AccountNames.NONE);

    assertThat(names.nameOf("111122223333")).isNull();
    assertThat(names.nameOf("555566667777")).isNull();

    orgs.verify(1, postRequestedFor(urlEqualTo("/")));
  }

  @Test
  void anOutageIsReportedSoTheAlertIsMarkedPartial() {
    orgs.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(500)
        .withHeader("Content-Type", "application/x-amz-json-1.1")
        .withBody("{\"__type\":\"ServiceException\",\"Message\":\"internal\"}")));

    assertThatThrownBy(() -> new OrganizationsAccountNames(client(), AccountNames.NONE).nameOf("111122223333"))
        .hasMessageContaining("Organizations DescribeAccount failed");
  }
}
