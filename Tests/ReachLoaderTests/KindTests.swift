import Foundation
import ReachLoader
import ReachModel
import Testing

/// Kinds, API groups, namespaces, and what is (not) kept.
@Suite struct KindTests {
    @Test func sameKindInAnotherGroupIsNotTheCoreKind() {
        let s = load("""
        apiVersion: projectcalico.org/v3
        kind: NetworkPolicy
        metadata: {name: calico, namespace: x}
        ---
        apiVersion: extensions/v1beta1
        kind: NetworkPolicy
        metadata: {name: old, namespace: x}
        ---
        apiVersion: policy.linkerd.io/v1beta1
        kind: Role
        metadata: {name: notrbac, namespace: x}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: core, namespace: x}
        spec: {podSelector: {}}
        """)
        #expect(s.networkPolicies.map(\.name) == ["core"])
        #expect(s.roles.isEmpty)
        // The Calico NetworkPolicy is Calico's kind (decoded apart since issue 19), never the core one.
        #expect(s.calicoPolicies.map(\.meta.name).count == 1)
        #expect(s.skippedKinds == ["extensions/v1beta1 NetworkPolicy": 1, "policy.linkerd.io/v1beta1 Role": 1])
    }

    @Test func namespaceDefaultingIsConfigurableAndRecorded() {
        let text = "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: sa}\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: n}\n"
        let s = load(text, namespaceDefault: "argocd")
        #expect(s.serviceAccounts.first?.namespace == "argocd")
        #expect(s.serviceAccounts.first?.meta.namespaceDefaulted == true)
        #expect(s.namespaces.first?.namespace == nil)
    }

    @Test func secretValuesAreNeverKept() {
        let s = load("""
        apiVersion: v1
        kind: Secret
        metadata: {name: db, namespace: x, annotations: {kubernetes.io/service-account.name: app}}
        type: kubernetes.io/service-account-token
        data: {password: c3VwZXItc2VjcmV0LXZhbHVl}
        stringData: {token: plain-text-secret-value, password: x}
        """)
        let secret = s.secrets.first
        #expect(secret?.keyCount == 2)
        #expect(secret?.type == "kubernetes.io/service-account-token")
        #expect(secret?.serviceAccountName == "app")
        let dump = String(reflecting: s.secrets)
        #expect(!dump.contains("c3VwZXItc2VjcmV0LXZhbHVl"))
        #expect(!dump.contains("plain-text-secret-value"))
    }

    @Test func aggregatedClusterRoleWithNullRules() {
        let s = load("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: admin}
        aggregationRule:
          clusterRoleSelectors:
          - matchLabels: {rbac.authorization.k8s.io/aggregate-to-admin: "true"}
          - matchExpressions: [{key: tier, operator: NotIn, values: [x]}]
        rules: null
        """)
        let role = s.clusterRoles.first
        #expect(role?.rules.isEmpty == true)
        #expect(role?.aggregationSelectors?.count == 2)
        #expect(role?.aggregationSelectors?[1].matchExpressions.first?.op == .notIn)
    }

    @Test func workloadsKeepTheirPodTemplate() {
        let s = load("""
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: nightly, namespace: ops}
        spec:
          schedule: "0 0 * * *"
          jobTemplate:
            spec:
              template:
                metadata: {labels: {app: nightly}}
                spec:
                  serviceAccountName: backup
                  containers: [{name: c, image: "x:1", ports: [{name: metrics, containerPort: 9090}]}]
        ---
        apiVersion: v1
        kind: ReplicationController
        metadata: {name: rc, namespace: ops}
        spec:
          selector: {app: rc}
          template:
            metadata: {labels: {app: rc}}
            spec: {containers: [{name: c}]}
        """)
        #expect(s.workloads.map(\.kind) == [.cronJob, .replicationController])
        let cron = s.workloads[0]
        #expect(cron.templateLabels == ["app": "nightly"])
        #expect(cron.template.serviceAccountName == "backup")
        #expect(cron.template.allPorts == [ContainerPort(name: "metrics", containerPort: 9090)])
        #expect(s.workloads[1].selector?.matchLabels == ["app": "rc"])
    }

    @Test func podFactsForAttackPaths() {
        let s = load("""
        apiVersion: v1
        kind: Pod
        metadata: {name: p, namespace: x}
        spec:
          serviceAccount: legacy
          automountServiceAccountToken: false
          nodeName: node-1
          hostNetwork: true
          containers:
          - name: c
            securityContext: {privileged: true, capabilities: {add: [NET_ADMIN]}}
            envFrom: [{secretRef: {name: env-secret}}]
            env: [{name: P, valueFrom: {secretKeyRef: {name: db, key: p}}}]
          volumes:
          - {name: s, secret: {secretName: tls}}
          - {name: h, hostPath: {path: /var/run}}
        status:
          podIP: 10.0.0.5
          podIPs: [{ip: 10.0.0.5}, {ip: "fd00::5"}]
        """)
        let pod = s.pods[0]
        #expect(pod.spec.effectiveServiceAccountName == "legacy")
        #expect(pod.spec.automountServiceAccountToken == false)
        #expect(pod.spec.nodeName == "node-1")
        #expect(pod.spec.hostNetwork)
        #expect(pod.podIPs == ["10.0.0.5", "fd00::5"])
        #expect(pod.spec.containers[0].securityContext?.privileged == true)
        #expect(pod.spec.containers[0].envSecretNames == ["db"])
        #expect(pod.spec.containers[0].envFromSecretNames == ["env-secret"])
        #expect(pod.spec.volumes.flatMap(\.sources) == [.secret(name: "tls"), .hostPath(path: "/var/run")])
    }

    @Test func webhooksQuotasLimitRangesNodes() {
        let s = load("""
        apiVersion: admissionregistration.k8s.io/v1
        kind: MutatingWebhookConfiguration
        metadata: {name: inject}
        webhooks:
        - name: inject.example.com
          failurePolicy: Ignore
          clientConfig: {service: {namespace: sys, name: injector}}
          rules: [{operations: [CREATE], apiGroups: [""], apiVersions: [v1], resources: [pods]}]
        ---
        apiVersion: v1
        kind: ResourceQuota
        metadata: {name: q, namespace: x}
        spec: {hard: {pods: "10", requests.cpu: 4}}
        ---
        apiVersion: v1
        kind: LimitRange
        metadata: {name: l, namespace: x}
        spec: {limits: [{type: Container}]}
        ---
        apiVersion: v1
        kind: Node
        metadata: {name: n1}
        spec: {podCIDR: 10.244.0.0/24}
        status: {addresses: [{type: InternalIP, address: 10.0.0.4}], nodeInfo: {kubeletVersion: v1.30.1}}
        """)
        #expect(s.webhookConfigurations.first?.webhooks.first?.service == "sys/injector")
        #expect(s.webhookConfigurations.first?.isMutating == true)
        #expect(s.resourceQuotas.first?.hard == ["pods": "10", "requests.cpu": "4"])
        #expect(s.limitRanges.first?.limitTypes == ["Container"])
        #expect(s.nodes.first?.podCIDRs == ["10.244.0.0/24"])
        #expect(s.nodes.first?.kubeletVersion == "v1.30.1")
    }

    @Test func directoriesAreWalkedRecursivelyInSortedOrder() throws {
        let dir = FileManagerHelpers.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/sub", withIntermediateDirectories: true)
        try "apiVersion: v1\nkind: Namespace\nmetadata: {name: b}\n".write(toFile: dir + "/sub/b.yml", atomically: true, encoding: .utf8)
        try #"{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"a"}}"#.write(toFile: dir + "/a.json", atomically: true, encoding: .utf8)
        try "not: yaml: here".write(toFile: dir + "/notes.txt", atomically: true, encoding: .utf8)
        let s = ManifestLoader().load(paths: [dir])
        #expect(s.files == [dir + "/a.json", dir + "/sub/b.yml"])
        #expect(s.namespaces.map(\.name) == ["a", "b"])
    }

    @Test func outputIsDeterministicAcrossLoadOrder() {
        let a = "apiVersion: v1\nkind: Namespace\nmetadata: {name: zeta}\n"
        let b = "apiVersion: v1\nkind: Namespace\nmetadata: {name: alpha}\n"
        let one = ManifestLoader().load(sources: [("1.yaml", a), ("2.yaml", b)])
        let two = ManifestLoader().load(sources: [("2.yaml", b), ("1.yaml", a)])
        #expect(one.namespaces.map(\.name) == two.namespaces.map(\.name))
        #expect(one.namespaces.map(\.name) == ["alpha", "zeta"])
    }
}

enum FileManagerHelpers {
    static func temporaryDirectory() -> String {
        let path = NSTemporaryDirectory() + "kube-reach-tests-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
