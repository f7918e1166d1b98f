/// Measured differences between kube-reach's loader and the corpus README's PyYAML counts for
/// netpol-analyzer `tests/` (ours − README), each explained in `Fixtures/loader/CORPUS-COUNTS.md`.
enum NetpolAnalyzerDifferences {
    static let byColumn: [String: Int] = [
        // +1: payments/visa-processor-v2/deployment.yaml (TAB file) holds a ServiceAccount.
        "ServiceAccount": 1,
        // −5 policies the API server would reject (bad CIDR, ipBlock + selector, empty peer,
        // endPort with a named port, endPort < port); −1 same-file duplicate (last wins).
        "NetworkPolicy": -6,
        // +152 PodList items without `kind` (the README's script did not infer it), +3 TAB files,
        // +24 well-formed documents/items of broken files, −2 Pods and −2 Deployments with type
        // errors, −3 `apps/v1 Pod` objects (not the core kind).
        "Pod/Deploy/STS/DS": 172,
        // +3 TAB files, +3 dirty/, +12 document_with_syntax_error.
        "Service": 18,
        // +172 NamespaceList items without `kind`, −1 same-file duplicate.
        "Namespace": 171,
    ]

    /// (path under tests/, line of an expected error).
    static let brokenInputs: [(String, Int)] = [
        ("dirty/backend.yaml", 17),
        ("dirty/frontend.yaml", 17),
        ("document_with_syntax_error/document_with_syntax_error.yaml", 225),
        ("malformed-pod-example-3/pods_list.json", 1),
        ("malformed-pod-example-4/pods.json", 1),
        ("malformed-pod-example-5/pod.yaml", 12),
        ("onlineboutique_with_pods_severe_error/pods.yaml", 1828),
        ("malformed_pod_example/pod.yaml", 10),
        ("malformed-pod-example-2/pod_list.json", 31),
        ("bad_netpols/subdir1/netpols.yaml", 22),
        ("np_test_with_empty_port_range/netpol.yaml", 15),
    ]
}
