import ArgumentParser
import RBACEngine
import ReachKit
import ReachReports

/// `kube-reach access`: a subject's effective permissions.
struct AccessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "access",
        abstract: "Show a subject's effective permissions (resources × verbs), including via its groups.",
        discussion: """
        SUBJECT is User:NAME, ServiceAccount:NS/NAME or Group:NAME. Users get system:authenticated and
        service accounts their three groups, as in can-i. Without -n every scope is shown
        (cluster-wide, then each namespace with RoleBindings); with -n, cluster-wide and that namespace.
        Exit codes: 0 answered; 2 usage or input error.
        """
    )

    @OptionGroup var input: InputOptions
    @Argument(help: ArgumentHelp("User:NAME, ServiceAccount:NS/NAME or Group:NAME.", valueName: "subject"))
    var subject: String
    @Option(name: [.customShort("n"), .customLong("namespace")], help: "Only this namespace's RoleBindings (plus cluster-wide).")
    var namespace: String?
    @Option(name: .customLong("as-group"), help: ArgumentHelp("An extra group (repeatable).", valueName: "group"))
    var asGroups: [String] = []
    @OptionGroup var options: RBACOutputOptions
    @OptionGroup var azure: AzureOptions

    func validate() throws {
        _ = try RBACCommandSupport.principal(subject, allowGroup: true)
        if azure.directory != nil, options.graphFormat != nil { throw ValidationError("access --azure answers in text or json") }
    }

    func run() throws {
        let identity = Identity.impersonating(try RBACCommandSupport.principal(subject, allowGroup: true), extraGroups: asGroups)
        let session = input.session()
        let index = session.rbac(mastersBypass: !options.noMasters)
        let summary = index.access(identity, namespace: namespace)
        let diags = index.diagnostics
        if let analysis = azure.load() {
            // The Entra object behind the subject (a user by UPN or object ID, a group by object ID).
            let oid = analysis.objectID(for: identity) ?? identity.groups.first.flatMap {
                analysis.authorizer.directory.principal(for: $0.lowercased()).kind == .group && identity.user == nil ? $0.lowercased() : nil
            }
            let report = oid.map { analysis.access($0, index: index, snapshot: session.snapshot) }
            Output.write(options.output == .json
                ? AzureFormatter.accessWithAzure(summary, diagnostics: diags, azure: report, analysis: analysis)
                : RBACTextFormatter.access(summary, diagnostics: diags) + AzureFormatter.azureRBACText(report, analysis: analysis))
            try LoadErrors.finish(session.snapshot)
            return try AzureOptions.finish(analysis)
        }
        if let format = options.graphFormat {
            // The bindings that apply to the subject as written (its own and its groups'), drawn
            // subject → binding → role → rules.
            let filter = RBACGraphFilter(subject: subject, groups: identity.groups.map { "Group:\($0)" }, namespace: namespace)
            try GraphEmitter.emit(RBACDot.document(session.snapshot, filter: filter, nodeBudget: 120), format: format, to: options.outFile)
        } else {
            Output.write(options.output == .json ? RBACJSONFormatter.access(summary, diagnostics: diags) : RBACTextFormatter.access(summary, diagnostics: diags))
        }
        try LoadErrors.finish(session.snapshot)
    }
}
