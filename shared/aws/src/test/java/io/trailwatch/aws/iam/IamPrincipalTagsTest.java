package io.trailwatch.aws.iam;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.trailwatch.core.event.Principal;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;

/** Principal tags through the real IAM client, against WireMock answering as IAM does (query protocol, XML). */
class IamPrincipalTagsTest {
  static final String ROLE_SESSION = "arn:aws:sts::111122223333:assumed-role/payments-deployer/session-7";

  @RegisterExtension
  static WireMockExtension iam = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  IamPrincipalTags tags() {
    IamClient client = IamClient.builder().endpointOverride(URI.create(iam.baseUrl())).region(Region.AWS_GLOBAL)
        .httpClient(UrlConnectionHttpClient.create())
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "x")))
        .build();
    return new IamPrincipalTags(client, "111122223333");
  }

  @Test
  void aRoleSessionShowsItsRolesTagsLookedUpOnce() {
    iam.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=ListRoleTags"))
        .withRequestBody(containing("RoleName=payments-deployer"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(
            "<ListRoleTagsResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><ListRoleTagsResult>"
                + "<IsTruncated>false</IsTruncated><Tags><member><Key>owner</Key><Value>payments-team</Value></member>"
                + "<member><Key>cost-center</Key><Value>42</Value></member></Tags></ListRoleTagsResult>"
                + "<ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></ListRoleTagsResponse>")));
    IamPrincipalTags tags = tags();
    Principal session = new Principal(ROLE_SESSION, "AssumedRole", true);

    assertThat(tags.tagsOf(session)).containsEntry("owner", "payments-team").containsEntry("cost-center", "42");
    assertThat(tags.tagsOf(session)).hasSize(2);
    iam.verify(1, postRequestedFor(urlEqualTo("/")));
  }

  @Test
  void anotherAccountsPrincipalRootAndDeletedUsersHaveNoTags() {
    iam.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=ListUserTags")).willReturn(aResponse()
        .withStatus(404).withHeader("Content-Type", "text/xml").withBody(
            "<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error><Type>Sender</Type>"
                + "<Code>NoSuchEntity</Code><Message>The user with name gone cannot be found.</Message></Error>"
                + "<RequestId>r-2</RequestId></ErrorResponse>")));
    IamPrincipalTags tags = tags();

    assertThat(tags.tagsOf(new Principal("arn:aws:sts::444455556666:assumed-role/x/y", "AssumedRole", null))).isEmpty();
    assertThat(tags.tagsOf(new Principal("arn:aws:iam::111122223333:root", "Root", null))).isEmpty();
    assertThat(tags.tagsOf(new Principal("arn:aws:iam::111122223333:user/gone", "IAMUser", null))).isEmpty();
    iam.verify(1, postRequestedFor(urlEqualTo("/")));
  }

  @Test
  void anOutageIsReportedSoTheAlertIsMarkedPartial() {
    iam.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(500).withHeader("Content-Type", "text/xml")
        .withBody("<ErrorResponse><Error><Type>Receiver</Type><Code>ServiceFailure</Code><Message>x</Message></Error></ErrorResponse>")));

    assertThatThrownBy(() -> tags().tagsOf(new Principal(ROLE_SESSION, "AssumedRole", null)))
        .hasMessageContaining("IAM tags of payments-deployer unavailable");
  }
}
