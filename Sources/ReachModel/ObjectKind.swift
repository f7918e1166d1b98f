/// The Kubernetes kinds kube-reach models. Anything else is counted and skipped by the loader.
public enum ObjectKind: String, CaseIterable, Sendable, Codable, Comparable {
    case namespace = "Namespace"
    case serviceAccount = "ServiceAccount"
    case role = "Role"
    case clusterRole = "ClusterRole"
    case roleBinding = "RoleBinding"
    case clusterRoleBinding = "ClusterRoleBinding"
    case pod = "Pod"
    case deployment = "Deployment"
    case statefulSet = "StatefulSet"
    case daemonSet = "DaemonSet"
    case replicaSet = "ReplicaSet"
    case job = "Job"
    case cronJob = "CronJob"
    case replicationController = "ReplicationController"
    case networkPolicy = "NetworkPolicy"
    case service = "Service"
    case ingress = "Ingress"
    case secret = "Secret"
    case configMap = "ConfigMap"
    case node = "Node"
    case mutatingWebhookConfiguration = "MutatingWebhookConfiguration"
    case validatingWebhookConfiguration = "ValidatingWebhookConfiguration"
    case resourceQuota = "ResourceQuota"
    case limitRange = "LimitRange"
    case gateway = "Gateway"
    case httpRoute = "HTTPRoute"
    case grpcRoute = "GRPCRoute"
    case ingressClass = "IngressClass"

    /// Whether objects of this kind live in a namespace.
    public var isNamespaced: Bool {
        switch self {
        case .namespace, .clusterRole, .clusterRoleBinding, .node,
             .mutatingWebhookConfiguration, .validatingWebhookConfiguration, .ingressClass:
            false
        default:
            true
        }
    }

    /// API groups under which this kind is the core kind (any version). A same-named kind in
    /// another group (Calico `projectcalico.org` NetworkPolicy, say) is not this kind.
    public var apiGroups: Set<String> {
        switch self {
        case .namespace, .serviceAccount, .pod, .service, .secret, .configMap, .node,
             .resourceQuota, .limitRange, .replicationController:
            [""]
        case .role, .clusterRole, .roleBinding, .clusterRoleBinding:
            ["rbac.authorization.k8s.io"]
        case .deployment, .daemonSet, .replicaSet:
            ["apps", "extensions"]
        case .statefulSet:
            ["apps"]
        case .job, .cronJob:
            ["batch"]
        case .networkPolicy, .ingressClass:
            ["networking.k8s.io"]
        case .ingress:
            ["networking.k8s.io", "extensions"]
        case .mutatingWebhookConfiguration, .validatingWebhookConfiguration:
            ["admissionregistration.k8s.io"]
        case .gateway, .httpRoute, .grpcRoute:
            ["gateway.networking.k8s.io"]
        }
    }

    /// Versions accepted when they differ per group; `nil` means any version of the group.
    /// NetworkPolicy is `networking.k8s.io/v1` only (the v1 semantics are the contract).
    public var acceptedVersions: Set<String>? {
        switch self {
        case .networkPolicy: ["v1"]
        case .gateway, .httpRoute: ["v1", "v1beta1"]
        case .grpcRoute: ["v1", "v1alpha2"]
        default: nil
        }
    }

    /// The pod-template workload kinds.
    public var isWorkload: Bool {
        switch self {
        case .deployment, .statefulSet, .daemonSet, .replicaSet, .job, .cronJob, .replicationController: true
        default: false
        }
    }

    public static func < (a: ObjectKind, b: ObjectKind) -> Bool { a.rawValue < b.rawValue }
}
