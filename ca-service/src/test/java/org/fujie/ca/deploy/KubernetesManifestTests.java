package org.fujie.ca.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/k8s as kubectl renders it (kustomize, the same build `kubectl apply -k` makes): what the issue asks of a
 * cluster run holds for every service. Nothing here needs a cluster; a renamed label, a dropped probe or a literal
 * secret fails the build. (The ca-service module runs it because its tests already read deploy/.)
 */
class KubernetesManifestTests {

    private static final List<String> SERVICES = List.of("ca-service", "seal-service", "trust-service");

    private static List<Map<String, Object>> base;
    private static List<Map<String, Object>> example;

    @BeforeAll
    static void render() throws Exception {
        base = rendered("../deploy/k8s/base");
        example = rendered("../deploy/k8s/overlays/example");
    }

    @Test
    void everyServiceRunsTwoOrMoreReplicasWithProbesOnItsHttpsPort() {
        for (List<Map<String, Object>> site : List.of(base, example)) {
            for (String service : SERVICES) {
                Map<String, Object> deployment = one(site, "Deployment", service);
                assertThat((Integer) at(deployment, "spec", "replicas")).as(service).isGreaterThanOrEqualTo(2);
                Map<String, Object> container = container(deployment);
                for (String probe : List.of("readinessProbe", "livenessProbe")) {
                    assertThat(at(container, probe, "httpGet", "path")).as(service + " " + probe).isEqualTo("/actuator/health");
                    assertThat(at(container, probe, "httpGet", "scheme")).as(service + " " + probe).isEqualTo("HTTPS");
                }
            }
        }
    }

    @Test
    void podsRunAsNonRootUnderTheRestrictedPodSecurityStandard() {
        assertThat(at(one(example, "Namespace", "fujie"), "metadata", "labels"))
                .isEqualTo(Map.of("pod-security.kubernetes.io/enforce", "restricted"));
        for (String service : SERVICES) {
            Map<String, Object> deployment = one(example, "Deployment", service);
            assertThat(at(deployment, "spec", "template", "spec", "securityContext", "runAsNonRoot")).as(service).isEqualTo(true);
            assertThat(at(deployment, "spec", "template", "spec", "securityContext", "seccompProfile", "type"))
                    .as(service).isEqualTo("RuntimeDefault");
            Map<String, Object> security = map(container(deployment).get("securityContext"));
            assertThat(security.get("allowPrivilegeEscalation")).as(service).isEqualTo(false);
            assertThat(security.get("readOnlyRootFilesystem")).as(service).isEqualTo(true);
            assertThat(at(security, "capabilities", "drop")).as(service).isEqualTo(List.of("ALL"));
        }
    }

    @Test
    void passphrasesComeFromSecretsNeverFromLiterals() {
        for (String service : SERVICES) {
            List<Map<String, Object>> env = list(container(one(example, "Deployment", service)).get("env"));
            Map<String, Object> passphrase = env.stream().filter(e -> "FUJIE_KEY_PASSPHRASE".equals(e.get("name")))
                    .findFirst().orElseThrow(() -> new AssertionError(service + " gets no FUJIE_KEY_PASSPHRASE"));
            assertThat(at(passphrase, "valueFrom", "secretKeyRef", "name")).as(service).isEqualTo("fujie-secrets");
            assertThat(env).as(service + ": a secret written as a literal value")
                    .noneMatch(e -> e.containsKey("value") && String.valueOf(e.get("name")).matches(".*(PASS|SECRET|TOKEN|PIN).*"));
        }
        // The site's real Secret is made outside git: the example never applies base's placeholder over it.
        assertThat(example).noneMatch(resource -> "Secret".equals(resource.get("kind")));
    }

    @Test
    void aDisruptionBudgetKeepsOnePodOfEveryServiceUp() {
        for (String service : SERVICES) {
            Map<String, Object> budget = one(example, "PodDisruptionBudget", service);
            assertThat((Integer) at(budget, "spec", "minAvailable")).as(service).isGreaterThanOrEqualTo(1);
            assertThat(selects(map(at(budget, "spec", "selector")), podLabels(one(example, "Deployment", service))))
                    .as(service + ": the budget selects the Deployment's pods").isTrue();
        }
    }

    @Test
    void trafficIsDeniedUnlessAPolicyAllowsItAndEveryPodIsReachableOnlyOnItsPorts() {
        List<Map<String, Object>> policies = all(example, "NetworkPolicy");
        assertThat(policies).anyMatch(policy -> map(at(policy, "spec", "podSelector")).isEmpty()
                && list(at(policy, "spec", "policyTypes")).containsAll(List.of("Ingress", "Egress"))
                && !map(policy.get("spec")).containsKey("ingress") && !map(policy.get("spec")).containsKey("egress"));
        for (String service : SERVICES) {
            Map<String, Object> labels = podLabels(one(example, "Deployment", service));
            assertThat(policies).as(service + ": a policy lets traffic in")
                    .anyMatch(policy -> selects(map(at(policy, "spec", "podSelector")), labels) && map(policy.get("spec")).containsKey("ingress"));
            assertThat(policies).as(service + ": a policy lets it reach PostgreSQL")
                    .anyMatch(policy -> selects(map(at(policy, "spec", "podSelector")), labels)
                            && String.valueOf(at(policy, "spec", "egress")).contains("port=5432"));
        }
    }

    private static List<Map<String, Object>> rendered(String directory) throws Exception {
        ExternalTool kubectl = ExternalTool.run(List.of("kubectl", "kustomize", directory));
        assertThat(kubectl.exitCode()).as("kubectl kustomize " + directory + ": " + kubectl.stderr()).isZero();
        List<Map<String, Object>> resources = new ArrayList<>();
        new Yaml().loadAll(kubectl.stdout()).forEach(document -> resources.add(map(document)));
        return resources;
    }

    private static Map<String, Object> one(List<Map<String, Object>> site, String kind, String name) {
        return all(site, kind).stream().filter(resource -> name.equals(at(resource, "metadata", "name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    private static List<Map<String, Object>> all(List<Map<String, Object>> site, String kind) {
        return site.stream().filter(resource -> kind.equals(resource.get("kind"))).toList();
    }

    private static Map<String, Object> container(Map<String, Object> deployment) {
        List<Map<String, Object>> containers = list(at(deployment, "spec", "template", "spec", "containers"));
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }

    private static Map<String, Object> podLabels(Map<String, Object> deployment) {
        return map(at(deployment, "spec", "template", "metadata", "labels"));
    }

    /** A label selector's matchLabels and In expressions (the forms the manifests use) against a pod's labels. */
    private static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
        boolean matchLabels = map(selector.getOrDefault("matchLabels", Map.of())).entrySet().stream()
                .allMatch(entry -> Objects.equals(labels.get(entry.getKey()), entry.getValue()));
        boolean expressions = KubernetesManifestTests.<Map<String, Object>>list(selector.getOrDefault("matchExpressions", List.of())).stream()
                .allMatch(expression -> "In".equals(expression.get("operator"))
                        && list(expression.get("values")).contains(labels.get(expression.get("key"))));
        return matchLabels && expressions;
    }

    private static Object at(Map<String, Object> node, String... path) {
        Object value = node;
        for (String key : path) {
            value = value instanceof Map<?, ?> m ? m.get(key) : null;
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Object value) {
        return value == null ? List.of() : (List<T>) value;
    }
}
