import AttackGraph
import AzureEngine
import NetworkEngine
import RBACEngine
import ReachModel

/// `kube-reach query --azure DIR`: the batch answers with the Azure identity layer (docs/azure.md
/// "query"), each the same as the equivalent command's: a check gains `allowedWithAzure` and
/// `azure` (as `can-i --as U --azure`), a whoCan gains `azure` (as `who-can --azure`), and every
/// path is answered by ``AzurePathFinder`` as `paths --from … --to … --azure` answers it.
public struct AzureQuery {
    public var analysis: AzureAnalysis
    public var analyzer: Analyzer
    /// The network analysis, asked for only when a path needs the foothold graph.
    public var reach: () -> NetworkReach
    public var format: Format

    /// The JSON of the commands' answers (ReachReports' `AzureFormatter`), so that the batch
    /// answers are those of the commands byte for byte. Formatting stays out of ReachKit.
    public struct Format {
        /// `can-i --azure`'s `azure` member: the grants of the Entra object (`nil`: not one).
        public var decision: ([AzureGrant], String?) -> JSONValue
        /// `who-can --azure`'s `azure` member.
        public var whoCan: ([AzureHolder]) -> JSONValue
        /// One `paths --azure -o json` answer.
        public var path: (AzurePathReport) -> JSONValue

        public init(decision: @escaping ([AzureGrant], String?) -> JSONValue, whoCan: @escaping ([AzureHolder]) -> JSONValue,
                    path: @escaping (AzurePathReport) -> JSONValue) {
            self.decision = decision
            self.whoCan = whoCan
            self.path = path
        }
    }

    public init(analysis: AzureAnalysis, analyzer: Analyzer, reach: @escaping () -> NetworkReach, format: Format) {
        self.analysis = analysis
        self.analyzer = analyzer
        self.reach = reach
        self.format = format
    }
}

extension RBACQueryBatch {
    /// A check's Azure fields: `allowedWithAzure` (RBAC or Azure RBAC for Kubernetes) and `azure`.
    /// - Complexity: one ``AzureEngine/AzureAuthorizer/kubernetesGrants(_:_:)``.
    static func addAzure(_ o: inout JSONValue, identity: Identity, request: AccessRequest, allowed: Bool, _ azure: AzureQuery) {
        let oid = azure.analysis.objectID(for: identity)
        let grants = oid.map { azure.analysis.authorizer.kubernetesGrants($0, request) } ?? []
        o["allowedWithAzure"] = .bool(allowed || !grants.isEmpty)
        o["azure"] = azure.format.decision(grants, oid)
    }

    /// Answers every `paths` entry with ``AzurePathFinder``. An entry is
    /// `{"from": SUBJECT|AzureUser:…|AzureGroup:…|AzureServicePrincipal:…|ManagedIdentity:…|Internet|Pod:N/p|Node:n,
    /// "fromGroups": [...], "goal": REQUEST|"keyvault V/S"|"node"|"Node:n", "footholds": BOOL,
    /// "assumeExploitable": BOOL}`; it searches the foothold graph when `paths` would (a foothold
    /// start or node goal, `"footholds": true`, `"assumeExploitable": false`). The answer adds the
    /// fields of `paths --azure -o json` other than `from` and `goal`.
    /// - Complexity: one ``AzurePathFinder`` (an attack graph; with footholds a foothold graph) per
    ///   distinct (start object, goal, footholds, assumeExploitable), as many as the command would
    ///   build, plus one search per entry; one network analysis when any entry needs footholds.
    static func answerAzurePaths(_ items: [JSONValue], index: RBACIndex, azure: AzureQuery) throws -> [JSONValue] {
        var finders: [String: AzurePathFinder] = [:]
        var reach: NetworkReach?
        return try items.enumerated().map { i, item in
            let path = "paths[\(i)]"
            let from = try string(item, "from", path, required: true)
            let groups = try strings(item, "fromGroups", path) ?? []
            let goal = try azureGoal(item, path)
            let assume = try bool(item, "assumeExploitable", path) ?? true
            let footholdGoal: Bool = if case .foothold = goal { true } else { false }
            let footholds = try bool(item, "footholds", path) == true || !assume || FootholdState.parse(from) != nil || footholdGoal
            let oid = azure.analysis.objectID(of: from)
            let key = "\(oid ?? "")\u{0}\(goal)\u{0}\(footholds)\u{0}\(assume)"
            let finder: AzurePathFinder
            if let hit = finders[key] { finder = hit } else {
                if footholds, reach == nil { reach = azure.reach() }
                let goals: [AccessRequest] = if case .kubernetes(let r) = goal { [r] } else { [] }
                finder = AzurePathFinder(analysis: azure.analysis, analyzer: azure.analyzer, index: index, goals: goals,
                                         entraStarts: [oid].compactMap { $0 }, reach: footholds ? reach : nil, assumeExploitable: assume)
                finders[key] = finder
            }
            guard let report = finder.path(from: from, groups: groups, to: goal) else {
                throw QueryError(description: "\(path).from: '\(from)' is neither a Kubernetes subject, a foothold in the input nor an Azure principal of the --azure folder")
            }
            var o = item
            if case .object(let pairs) = azure.format.path(report) {
                for (k, v) in pairs where k != "from" && k != "goal" { o[k] = v }
            }
            return o
        }
    }

    /// The goal of an Azure `paths` entry: a request object, `"keyvault V/S"`, `"node"` or `"Node:n"`.
    static func azureGoal(_ item: JSONValue, _ path: String) throws -> AzurePathGoal {
        if let g = item["goal"]?.stringValue {
            if let kv = AzurePathGoal.keyVault(parsing: g) { return kv }
            if g == "node" { return .foothold(.anyNode) }
            if g.hasPrefix("Node:"), g.count > 5 { return .foothold(.node(String(g.dropFirst(5)))) }
            throw QueryError(description: "\(path).goal: expected a request object, \"keyvault VAULT/SECRET\", \"node\" or \"Node:NAME\"")
        }
        guard let g = item["goal"], g.isObject else { throw QueryError(description: "\(path).goal: expected an object") }
        return .kubernetes(try request(g, "\(path).goal"))
    }

    /// A boolean at `key` (`nil` when absent or null).
    static func bool(_ o: JSONValue, _ key: String, _ path: String) throws -> Bool? {
        guard let v = o[key], v != .null else { return nil }
        guard let b = v.boolValue else { throw QueryError(description: "\(path).\(key): expected a boolean") }
        return b
    }
}
