/// Everything loaded from the inputs: typed objects (each list sorted by namespace, then name),
/// counts of skipped kinds, and the diagnostics collected on the way.
public struct ClusterSnapshot: Sendable {
    public var namespaces: [Namespace] = []
    public var serviceAccounts: [ServiceAccount] = []
    public var roles: [Role] = []
    public var clusterRoles: [ClusterRole] = []
    public var roleBindings: [RoleBinding] = []
    public var clusterRoleBindings: [ClusterRoleBinding] = []
    public var pods: [Pod] = []
    public var workloads: [Workload] = []
    public var networkPolicies: [NetworkPolicy] = []
    /// `policy.networking.k8s.io` ClusterNetworkPolicy / AdminNetworkPolicy /
    /// BaselineAdminNetworkPolicy objects, sorted by kind then name.
    public var adminNetworkPolicies: [AdminNetworkPolicy] = []
    /// `cilium.io/v2` CiliumNetworkPolicy / CiliumClusterwideNetworkPolicy objects, in input order.
    public var ciliumPolicies: [CiliumPolicy] = []
    /// `projectcalico.org/v3` NetworkPolicy / GlobalNetworkPolicy objects, sorted by display name.
    public var calicoPolicies: [CalicoPolicy] = []
    /// `projectcalico.org/v3` Tier objects, sorted by name.
    public var calicoTiers: [CalicoTier] = []
    /// `secrets-store.csi.x-k8s.io` SecretProviderClass objects, sorted by namespace then name.
    public var secretProviderClasses: [SecretProviderClass] = []
    public var services: [Service] = []
    public var ingresses: [Ingress] = []
    public var ingressClasses: [IngressClass] = []
    public var secrets: [Secret] = []
    public var configMaps: [ConfigMap] = []
    public var nodes: [Node] = []
    public var webhookConfigurations: [WebhookConfiguration] = []
    public var resourceQuotas: [ResourceQuota] = []
    public var limitRanges: [LimitRange] = []
    public var gateways: [Gateway] = []
    /// HTTPRoutes and GRPCRoutes.
    public var routes: [GatewayRoute] = []
    /// Objects of kinds kube-reach does not model, keyed `apiVersion Kind` (e.g. `projectcalico.org/v3 NetworkPolicy`).
    public var skippedKinds: [String: Int] = [:]
    public var diagnostics: [Diagnostic] = []
    /// Input files read, in load order.
    public var files: [String] = []
    /// Bytes of input read.
    public var bytesRead: Int = 0

    public init() {}

    /// Number of objects of `kind`.
    public func count(of kind: ObjectKind) -> Int {
        switch kind {
        case .namespace: namespaces.count
        case .serviceAccount: serviceAccounts.count
        case .role: roles.count
        case .clusterRole: clusterRoles.count
        case .roleBinding: roleBindings.count
        case .clusterRoleBinding: clusterRoleBindings.count
        case .pod: pods.count
        case .networkPolicy: networkPolicies.count
        case .service: services.count
        case .ingress: ingresses.count
        case .ingressClass: ingressClasses.count
        case .secret: secrets.count
        case .configMap: configMaps.count
        case .node: nodes.count
        case .resourceQuota: resourceQuotas.count
        case .limitRange: limitRanges.count
        case .gateway: gateways.count
        case .httpRoute, .grpcRoute: routes.count { $0.kind == kind }
        case .mutatingWebhookConfiguration, .validatingWebhookConfiguration:
            webhookConfigurations.count { $0.kind == kind }
        case .deployment, .statefulSet, .daemonSet, .replicaSet, .job, .cronJob, .replicationController:
            workloads.count { $0.kind == kind }
        }
    }

    /// Every modelled object's reference and metadata, in kind order then namespace/name.
    /// - Complexity: O(n log n) for n objects.
    public var allObjects: [(ref: ObjectRef, meta: ObjectMeta)] {
        var out: [(ObjectRef, ObjectMeta)] = []
        forEachObject { out.append(($0, $1)) }
        return out.sorted { $0.0 < $1.0 }
    }

    /// Calls `body` with every modelled object's reference and metadata, kind by kind, in
    /// snapshot order (unsorted; ``allObjects`` sorts).
    /// - Complexity: O(n).
    public func forEachObject(_ body: (ObjectRef, ObjectMeta) -> Void) {
        func each<T: KubeObject>(_ items: [T]) { for item in items { body(item.ref, item.meta) } }
        each(namespaces); each(serviceAccounts); each(roles); each(clusterRoles); each(roleBindings)
        each(clusterRoleBindings); each(pods); each(networkPolicies); each(services); each(ingresses)
        each(secrets); each(configMaps); each(nodes); each(resourceQuotas); each(limitRanges); each(gateways)
        each(ingressClasses)
        for r in routes { body(r.ref, r.meta) }
        for w in workloads { body(w.ref, w.meta) }
        for w in webhookConfigurations { body(w.ref, w.meta) }
    }

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
