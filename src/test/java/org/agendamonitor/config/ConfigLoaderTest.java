package org.agendamonitor.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void shouldUseDefaultsWhenNothingIsSet() {
        AppConfig c = new ConfigLoader(Map.of()).load(dir, false, Map.of());
        assertThat(c.web().port()).isEqualTo(8080);
        assertThat(c.web().bind()).isEqualTo("127.0.0.1");
        assertThat(c.kafka().embedded()).isTrue();
        assertThat(c.kafka().clientBootstrap()).isEqualTo("127.0.0.1:9092");
        assertThat(c.feedsFile()).isEqualTo(dir.resolve("feeds.opml"));
        assertThat(c.agendaFile()).isEqualTo(dir.resolve("agenda.yaml"));
        assertThat(c.alert().webhookEnabled()).isFalse();
    }

    @Test
    void shouldLetSetBeatEnvAndEnvBeatFile() throws IOException {
        Files.writeString(dir.resolve("application.properties"), "web.port=8100\ndata.dir=from-file\n");
        ConfigLoader loader = new ConfigLoader(Map.of("AGENDA_WEB_PORT", "8200", "AGENDA_DATA_DIR", "envdir",
                "PATH", "/usr/bin"));
        AppConfig fromEnv = loader.load(dir, false, Map.of());
        assertThat(fromEnv.web().port()).isEqualTo(8200);
        assertThat(fromEnv.dataDir()).isEqualTo(Path.of("envdir"));
        AppConfig fromSet = loader.load(dir, false, Map.of("web.port", "8300"));
        assertThat(fromSet.web().port()).isEqualTo(8300);
    }

    @Test
    void shouldReportEveryProblemWithFileLineAndKeyWhenTheFileIsWrong() throws IOException {
        Files.writeString(dir.resolve("application.properties"),
                "# comment\nweb.prot=8080\nweb.port=eighty\nstreams.processing.guarantee=maybe\n");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(dir, false, Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.problems()).hasSize(3);
                    assertThat(e.problems().get(0)).contains("application.properties:2")
                            .contains("unknown setting 'web.prot'").contains("did you mean 'web.port'");
                    assertThat(e.problems().get(1)).contains(":3").contains("web.port='eighty'")
                            .contains("not a whole number");
                    assertThat(e.problems().get(2)).contains(":4").contains("exactly_once_v2");
                });
    }

    @Test
    void shouldNameTheEnvironmentVariableWhenItsValueIsBad() {
        assertThatThrownBy(() -> new ConfigLoader(Map.of("AGENDA_WEB_PORT", "99999")).load(dir, false, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("environment variable AGENDA_WEB_PORT")
                .hasMessageContaining("between 0 and 65535");
    }

    @Test
    void shouldPassUnknownKafkaKeysThroughToStreamsWithoutLettingThemChangeTheGuarantee() {
        AppConfig c = new ConfigLoader(Map.of()).load(dir, false,
                Map.of("kafka.producer.linger.ms", "7", "kafka.bootstrap.servers", "broker:9092",
                        "kafka.processing.guarantee", "at_least_once"));
        Properties p = c.streamsProperties();
        assertThat(p.getProperty("producer.linger.ms")).isEqualTo("7");
        assertThat(p.getProperty(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG)).isEqualTo("broker:9092");
        assertThat(p.getProperty(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo("exactly_once_v2");
        assertThat(p.getProperty(StreamsConfig.APPLICATION_ID_CONFIG)).isEqualTo("agenda-monitor");
        assertThat(p.getProperty(StreamsConfig.STATE_DIR_CONFIG)).endsWith("streams");
        assertThat(c.producerProperties("x").getProperty("linger.ms")).isEqualTo("7");
        assertThat(c.producerProperties("x").getProperty("enable.idempotence")).isEqualTo("true");
    }

    @Test
    void shouldCompressWithSnappyUnlessTheUserChoseOtherwise() {
        AppConfig defaults = new ConfigLoader(Map.of()).load(dir, false, Map.of());
        assertThat(defaults.streamsProperties().getProperty("producer.compression.type")).isEqualTo("snappy");
        assertThat(defaults.producerProperties("x").getProperty("compression.type")).isEqualTo("snappy");
        AppConfig chosen = new ConfigLoader(Map.of()).load(dir, false,
                Map.of("kafka.producer.compression.type", "zstd"));
        assertThat(chosen.streamsProperties().getProperty("producer.compression.type")).isEqualTo("zstd");
        assertThat(chosen.producerProperties("x").getProperty("compression.type")).isEqualTo("zstd");
    }

    @Test
    void shouldBatchTheStreamsProducerBy128KilobytesUnlessTheUserChoseOtherwise() {
        AppConfig defaults = new ConfigLoader(Map.of()).load(dir, false, Map.of());
        assertThat(defaults.streamsProperties().getProperty("producer.batch.size")).isEqualTo("131072");
        AppConfig chosen = new ConfigLoader(Map.of()).load(dir, false, Map.of("kafka.producer.batch.size", "32768"));
        assertThat(chosen.streamsProperties().getProperty("producer.batch.size")).isEqualTo("32768");
    }

    @Test
    void shouldUseDemoFeedsAndSeparateDataDirInDemoMode() {
        AppConfig c = new ConfigLoader(Map.of()).load(dir, true, Map.of());
        assertThat(c.feedsFile()).isEqualTo(dir.resolve("demo/feeds.opml"));
        assertThat(c.dataDir()).isEqualTo(Path.of("data", "demo"));
    }

    @Test
    void shouldMaskTheWebhookUrlWhenPrinted() {
        AppConfig c = new ConfigLoader(Map.of("AGENDA_ALERT_WEBHOOK_URL", "https://hooks.example/T0/secret-token"))
                .load(dir, false, Map.of());
        assertThat(c.alert().webhookEnabled()).isTrue();
        assertThat(c.alert().toString()).doesNotContain("secret-token").contains("hooks.example");
    }

    @Test
    void shouldReadSmtpSettingsWithThePasswordFromTheEnvironmentOnlyAndMaskIt() throws IOException {
        Files.writeString(dir.resolve("application.properties"), "alert.smtp.host=smtp.example\n"
                + "alert.smtp.from=monitor@example.org\nalert.smtp.to=a@example.org, b@example.org\n"
                + "alert.smtp.username=monitor\nalert.delivery.max.attempts=7\n");
        AppConfig c = new ConfigLoader(Map.of("AGENDA_ALERT_SMTP_PASSWORD", "hunter2")).load(dir, false, Map.of());
        SmtpSettings smtp = c.alert().smtp();
        assertThat(smtp.enabled()).isTrue();
        assertThat(smtp.port()).isEqualTo(587);
        assertThat(smtp.to()).containsExactly("a@example.org", "b@example.org");
        assertThat(smtp.password()).isEqualTo("hunter2");
        assertThat(smtp.starttls()).isTrue();
        assertThat(c.alert().maxAttempts()).isEqualTo(7);
        assertThat(c.alert().toString()).doesNotContain("hunter2").contains("password=***");
    }

    @Test
    void shouldRefuseTheSmtpPasswordFromTheFileOrTheCommandLine() throws IOException {
        Files.writeString(dir.resolve("application.properties"), "alert.smtp.password=hunter2\n");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(dir, false, Map.of("alert.smtp.password", "x")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).hasSize(2)
                        .allSatisfy(p -> assertThat(p).contains("AGENDA_ALERT_SMTP_PASSWORD"))
                        .noneSatisfy(p -> assertThat(p).contains("hunter2")));
    }

    @Test
    void shouldRequireSenderAndRecipientsWhenSmtpIsOn() {
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(dir, false, Map.of("alert.smtp.host", "smtp.x")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("alert.smtp.from");
    }
}
