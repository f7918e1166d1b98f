extension ClusterGenerator {
    func writePods(_ out: inout String, _ rng: inout SeededRandom) {
        // Pods come in replica groups (like the pods of one Deployment): same namespace, labels,
        // ports and service account, so equivalence classes are realistic.
        for i in 0..<spec.pods {
            let group = i / spec.replicasPerGroup
            var groupRNG = SeededRandom(seed: spec.seed &* 0x2545_F491_4F6C_DD1D ^ UInt64(group))
            let (labels, body) = podTemplate(group, &groupRNG, indent: 2)
            let ip = "10.\(64 + (i >> 16) & 63).\((i >> 8) & 255).\(i & 255)"
            out += "---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: pod-\(pad(i, 6))\n  namespace: \(namespace(group % max(1, spec.namespaces)))\n  labels:\n\(labels)spec:\n\(body)status:\n  podIP: \(ip)\n"
            _ = rng.next()
        }
    }

    func writeWorkloads(_ out: inout String, _ rng: inout SeededRandom) {
        let kinds = [("apps/v1", "Deployment"), ("apps/v1", "StatefulSet"), ("apps/v1", "DaemonSet"), ("batch/v1", "Job")]
        for i in 0..<spec.workloads {
            let (api, kind) = kinds[i % kinds.count]
            let (labels, body) = podTemplate(i, &rng, indent: 6)
            let selector = kind == "Job" ? "" : "  selector:\n    matchLabels:\n      workload: wl-\(pad(i, 6))\n"
            out += "---\napiVersion: \(api)\nkind: \(kind)\nmetadata:\n  name: wl-\(pad(i, 6))\n  namespace: \(namespace(i % max(1, spec.namespaces)))\nspec:\n\(selector)  template:\n    metadata:\n      labels:\n        workload: wl-\(pad(i, 6))\n\(labels)    spec:\n\(body)"
        }
    }

    func writeServices(_ out: inout String, _ rng: inout SeededRandom) {
        for i in 0..<spec.services {
            let p = rng.pick(Self.namedPorts)
            let head = "---\napiVersion: v1\nkind: Service\nmetadata:\n  name: svc-\(pad(i, 6))\n  namespace: \(namespace(i % max(1, spec.namespaces)))\nspec:\n"
            // Every Service type in turn (ClusterIP written implicitly, as most manifests do).
            switch i % 8 {
            case 3: out += head + "  type: ExternalName\n  externalName: svc-\(pad(i, 6)).example.com\n"; continue
            case 5: out += head + "  type: NodePort\n"
            case 7: out += head + "  type: LoadBalancer\n"
            case 1: out += head + "  clusterIP: None\n"
            default: out += head
            }
            let app = rng.pick(Self.apps)
            out += "  selector: {app: \(app)}\n  ports:\n    - {name: \(p.name), port: \(p.port), targetPort: \(p.name), protocol: \(p.proto)}\n"
            if spec.footholdFacts && (i % 8 == 5 || i % 8 == 7) {
                // An exposed Service usually comes with a policy admitting the internet to its port.
                out += "---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: allow-svc-\(pad(i, 6))\n  namespace: \(namespace(i % max(1, spec.namespaces)))\nspec:\n  podSelector:\n    matchLabels: {app: \(app)}\n  ingress:\n    - from:\n        - ipBlock: {cidr: 0.0.0.0/0}\n      ports:\n        - {protocol: \(p.proto), port: \(p.name)}\n"
            }
        }
    }

    func writeSecrets(_ out: inout String, _ rng: inout SeededRandom) {
        for i in 0..<spec.secrets {
            let ns = namespace(i % max(1, spec.namespaces))
            if rng.chance(0.2), spec.serviceAccounts > 0 {
                out += "---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: token-\(pad(i, 6))\n  namespace: \(ns)\n  annotations:\n    kubernetes.io/service-account.name: sa-\(pad(i % spec.serviceAccounts, 6))\ntype: kubernetes.io/service-account-token\n"
            } else {
                out += "---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: secret-\(pad(i, 6))\n  namespace: \(ns)\ntype: Opaque\nstringData:\n  password: generated-\(rng.next() % 1_000_000)\n"
            }
        }
    }

    func writeNetworkPolicies(_ out: inout String, _ rng: inout SeededRandom) {
        for i in 0..<spec.networkPolicies {
            let ns = namespace(i % max(1, spec.namespaces))
            let head = "---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: np-\(pad(i, 6))\n  namespace: \(ns)\nspec:\n"
            switch i % 6 {
            case 0:
                out += head + "  podSelector: {}\n  policyTypes: [Ingress, Egress]\n"
            case 1:
                let p = rng.pick(Self.namedPorts)
                out += head + "  podSelector:\n    matchLabels: {app: \(rng.pick(Self.apps))}\n  ingress:\n    - from:\n        - podSelector:\n            matchLabels: {app: \(rng.pick(Self.apps))}\n      ports:\n        - {protocol: \(p.proto), port: \(p.name)}\n"
            case 2:
                let range = rng.pick(Self.portRanges)
                out += head + "  podSelector:\n    matchExpressions:\n      - {key: tier, operator: In, values: [\(rng.pick(Self.tiers)), \(rng.pick(Self.tiers))]}\n  ingress:\n    - from:\n        - namespaceSelector:\n            matchLabels: {team: \(rng.pick(Self.teams))}\n          podSelector:\n            matchExpressions:\n              - {key: version, operator: NotIn, values: [v0]}\n      ports:\n        - {port: \(range.0), endPort: \(range.1)}\n"
            case 3:
                let a = rng.below(200)
                out += head + "  podSelector:\n    matchLabels: {tier: \(rng.pick(Self.tiers))}\n  policyTypes: [Egress]\n  egress:\n    - to:\n        - ipBlock:\n            cidr: 10.\(64 + a % 4).0.0/14\n            except: [10.\(64 + a % 4).\(rng.below(4)).0/24]\n        - ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8, 169.254.0.0/16]}\n      ports:\n        - {protocol: TCP, port: 443}\n    - to:\n        - namespaceSelector:\n            matchLabels: {kubernetes.io/metadata.name: kube-system}\n      ports:\n        - {protocol: UDP, port: 53}\n"
            case 4:
                out += head + "  podSelector:\n    matchLabels: {app: \(rng.pick(Self.apps))}\n  ingress:\n    - from:\n        - namespaceSelector: {}\n    - from:\n        - ipBlock: {cidr: \"fd00::/8\"}\n      ports:\n        - protocol: SCTP\n"
            default:
                out += head + "  podSelector:\n    matchExpressions:\n      - {key: team, operator: Exists}\n  ingress:\n    - from:\n        - podSelector:\n            matchLabels: {team: \(rng.pick(Self.teams))}\n      ports:\n        - {port: metrics}\n        - {protocol: UDP, port: dns}\n"
            }
        }
    }
}
