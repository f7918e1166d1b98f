import ReachModel

/// One decoded object of any modelled kind (the builder's storage before distribution).
enum LoadedObject {
    case namespace(Namespace)
    case serviceAccount(ServiceAccount)
    case role(Role)
    case clusterRole(ClusterRole)
    case roleBinding(RoleBinding)
    case clusterRoleBinding(ClusterRoleBinding)
    case pod(Pod)
    case workload(Workload)
    case networkPolicy(NetworkPolicy)
    case service(Service)
    case ingress(Ingress)
    case ingressClass(IngressClass)
    case secret(Secret)
    case configMap(ConfigMap)
    case node(Node)
    case webhook(WebhookConfiguration)
    case resourceQuota(ResourceQuota)
    case limitRange(LimitRange)
    case gateway(Gateway)
    case route(GatewayRoute)

    var meta: ObjectMeta {
        switch self {
        case .namespace(let o): o.meta
        case .serviceAccount(let o): o.meta
        case .role(let o): o.meta
        case .clusterRole(let o): o.meta
        case .roleBinding(let o): o.meta
        case .clusterRoleBinding(let o): o.meta
        case .pod(let o): o.meta
        case .workload(let o): o.meta
        case .networkPolicy(let o): o.meta
        case .service(let o): o.meta
        case .ingress(let o): o.meta
        case .ingressClass(let o): o.meta
        case .secret(let o): o.meta
        case .configMap(let o): o.meta
        case .node(let o): o.meta
        case .webhook(let o): o.meta
        case .resourceQuota(let o): o.meta
        case .limitRange(let o): o.meta
        case .gateway(let o): o.meta
        case .route(let o): o.meta
        }
    }
}

extension ObjectDecoder {
    /// Decodes a root of a modelled kind.
    func decode(_ root: Field, kind: ObjectKind) -> LoadedObject? {
        switch kind {
        case .namespace: namespace(root).map(LoadedObject.namespace)
        case .serviceAccount: serviceAccount(root).map(LoadedObject.serviceAccount)
        case .role: role(root).map(LoadedObject.role)
        case .clusterRole: clusterRole(root).map(LoadedObject.clusterRole)
        case .roleBinding: roleBinding(root).map(LoadedObject.roleBinding)
        case .clusterRoleBinding: clusterRoleBinding(root).map(LoadedObject.clusterRoleBinding)
        case .pod: pod(root).map(LoadedObject.pod)
        case .deployment, .statefulSet, .daemonSet, .replicaSet, .job, .cronJob, .replicationController:
            workload(root, kind: kind).map(LoadedObject.workload)
        case .networkPolicy: networkPolicy(root).map(LoadedObject.networkPolicy)
        case .service: service(root).map(LoadedObject.service)
        case .ingress: ingress(root).map(LoadedObject.ingress)
        case .ingressClass: ingressClass(root).map(LoadedObject.ingressClass)
        case .secret: secret(root).map(LoadedObject.secret)
        case .configMap: configMap(root).map(LoadedObject.configMap)
        case .node: node(root).map(LoadedObject.node)
        case .mutatingWebhookConfiguration, .validatingWebhookConfiguration:
            webhookConfiguration(root, kind: kind).map(LoadedObject.webhook)
        case .resourceQuota: resourceQuota(root).map(LoadedObject.resourceQuota)
        case .limitRange: limitRange(root).map(LoadedObject.limitRange)
        case .gateway: gateway(root).map(LoadedObject.gateway)
        case .httpRoute, .grpcRoute: route(root, kind: kind).map(LoadedObject.route)
        }
    }
}
