public struct Namespace: KubeObject, Hashable {
    public static let kind = ObjectKind.namespace
    public var meta: ObjectMeta
    public init(meta: ObjectMeta) { self.meta = meta }

    /// Labels as the API server stores them: `kubernetes.io/metadata.name` is always present.
    public var effectiveLabels: [String: String] {
        var labels = meta.labels
        labels["kubernetes.io/metadata.name"] = meta.name
        return labels
    }
}

public struct ServicePort: Hashable, Sendable {
    public var name: String?
    public var port: Int
    public var targetPort: PortValue?
    public var protocolName: NetworkProtocol
    public var nodePort: Int?
    public init(name: String? = nil, port: Int, targetPort: PortValue? = nil, protocol: NetworkProtocol = .tcp, nodePort: Int? = nil) {
        self.name = name
        self.port = port
        self.targetPort = targetPort
        self.protocolName = `protocol`
        self.nodePort = nodePort
    }
}

public struct Service: KubeObject, Hashable {
    public static let kind = ObjectKind.service
    public var meta: ObjectMeta
    /// `spec.type`, `ClusterIP` when unset.
    public var type: String
    /// `spec.selector`; `nil` for selector-less services.
    public var selector: [String: String]?
    public var ports: [ServicePort]
    public var loadBalancerSourceRanges: [String]
    public init(meta: ObjectMeta, type: String = "ClusterIP", selector: [String: String]? = nil, ports: [ServicePort] = [],
                loadBalancerSourceRanges: [String] = []) {
        self.meta = meta
        self.type = type
        self.selector = selector
        self.ports = ports
        self.loadBalancerSourceRanges = loadBalancerSourceRanges
    }
}

public struct Ingress: KubeObject, Hashable {
    public static let kind = ObjectKind.ingress
    public var meta: ObjectMeta
    public var ingressClassName: String?
    public var hosts: [String]
    /// Backend service names (default backend and every path), deduplicated, sorted.
    public var backendServices: [String]
    public var tlsSecretNames: [String]
    /// Backend services with the port each targets (default backend and every path), deduplicated, sorted.
    public var backends: [ServiceBackendRef]
    public init(meta: ObjectMeta, ingressClassName: String? = nil, hosts: [String] = [], backendServices: [String] = [],
                tlsSecretNames: [String] = [], backends: [ServiceBackendRef] = []) {
        self.meta = meta
        self.backends = backends
        self.ingressClassName = ingressClassName
        self.hosts = hosts
        self.backendServices = backendServices
        self.tlsSecretNames = tlsSecretNames
    }
}

/// A Secret's metadata. Values of `data`/`stringData` are never read into memory: only the
/// number of keys is kept.
public struct Secret: KubeObject, Hashable {
    public static let kind = ObjectKind.secret
    public var meta: ObjectMeta
    public var type: String
    public var keyCount: Int
    public init(meta: ObjectMeta, type: String = "Opaque", keyCount: Int = 0) {
        self.meta = meta
        self.type = type
        self.keyCount = keyCount
    }

    /// For `kubernetes.io/service-account-token` secrets: the SA named by its annotation.
    public var serviceAccountName: String? { meta.annotations["kubernetes.io/service-account.name"] }
}

/// A ConfigMap's metadata only.
public struct ConfigMap: KubeObject, Hashable {
    public static let kind = ObjectKind.configMap
    public var meta: ObjectMeta
    public init(meta: ObjectMeta) { self.meta = meta }
}

public struct Node: KubeObject, Hashable {
    public static let kind = ObjectKind.node
    public var meta: ObjectMeta
    public var podCIDRs: [String]
    public var internalIPs: [String]
    public var kubeletVersion: String?
    public var osImage: String?
    public init(meta: ObjectMeta, podCIDRs: [String] = [], internalIPs: [String] = [], kubeletVersion: String? = nil,
                osImage: String? = nil) {
        self.meta = meta
        self.podCIDRs = podCIDRs
        self.internalIPs = internalIPs
        self.kubeletVersion = kubeletVersion
        self.osImage = osImage
    }
}

/// One admission webhook rule (`rules[]` of a webhook).
public struct WebhookRule: Hashable, Sendable {
    public var operations: [String]
    public var apiGroups: [String]
    public var apiVersions: [String]
    public var resources: [String]
    public var scope: String?
    public init(operations: [String] = [], apiGroups: [String] = [], apiVersions: [String] = [], resources: [String] = [],
                scope: String? = nil) {
        self.operations = operations
        self.apiGroups = apiGroups
        self.apiVersions = apiVersions
        self.resources = resources
        self.scope = scope
    }
}

public struct Webhook: Hashable, Sendable {
    public var name: String
    public var rules: [WebhookRule]
    public var failurePolicy: String?
    public var namespaceSelector: LabelSelector?
    public var objectSelector: LabelSelector?
    /// `clientConfig.service` as `namespace/name`, if any.
    public var service: String?
    public var url: String?
    public init(name: String, rules: [WebhookRule] = [], failurePolicy: String? = nil, namespaceSelector: LabelSelector? = nil,
                objectSelector: LabelSelector? = nil, service: String? = nil, url: String? = nil) {
        self.name = name
        self.rules = rules
        self.failurePolicy = failurePolicy
        self.namespaceSelector = namespaceSelector
        self.objectSelector = objectSelector
        self.service = service
        self.url = url
    }
}

/// A Mutating- or ValidatingWebhookConfiguration (`kind` tells which).
public struct WebhookConfiguration: Hashable, Sendable {
    public var kind: ObjectKind
    public var meta: ObjectMeta
    public var webhooks: [Webhook]
    public init(kind: ObjectKind, meta: ObjectMeta, webhooks: [Webhook]) {
        self.kind = kind
        self.meta = meta
        self.webhooks = webhooks
    }
    public var isMutating: Bool { kind == .mutatingWebhookConfiguration }
    public var ref: ObjectRef { ObjectRef(kind: kind, namespace: nil, name: meta.name) }
    public var name: String { meta.name }
}

public struct ResourceQuota: KubeObject, Hashable {
    public static let kind = ObjectKind.resourceQuota
    public var meta: ObjectMeta
    /// `spec.hard` quantities as written.
    public var hard: [String: String]
    public init(meta: ObjectMeta, hard: [String: String] = [:]) {
        self.meta = meta
        self.hard = hard
    }
}

public struct LimitRange: KubeObject, Hashable {
    public static let kind = ObjectKind.limitRange
    public var meta: ObjectMeta
    /// `spec.limits[].type` values.
    public var limitTypes: [String]
    public init(meta: ObjectMeta, limitTypes: [String] = []) {
        self.meta = meta
        self.limitTypes = limitTypes
    }
}
