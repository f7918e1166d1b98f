import ArgumentParser
import RBACEngine
import ReachKit
import ReachReports

/// `kube-reach can-i`: may this identity make this request, and why.
struct CanICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "can-i",
        abstract: "Check whether a user or service account may make a request, and why (binding → role → rule).",
        discussion: """
        Like `kubectl auth can-i --as`, but offline and from RBAC objects alone. --as User:NAME gets
        system:authenticated, --as ServiceAccount:NS/NAME gets system:serviceaccounts,
        system:serviceaccounts:NS and system:authenticated (as the API server's impersonation does);
        --as-group adds groups. Exit codes: 0 answered (yes or no); 2 usage or input error.
        """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var request: RequestArguments
    @Option(help: ArgumentHelp("User:NAME or ServiceAccount:NAMESPACE/NAME.", valueName: "subject"))
    var `as`: String
    @Option(name: .customLong("as-group"), help: ArgumentHelp("An extra group (repeatable).", valueName: "group"))
    var asGroups: [String] = []
    @OptionGroup var options: RBACOutputOptions
    @OptionGroup var azure: AzureOptions

    func validate() throws {
        _ = try RBACCommandSupport.principal(`as`, allowGroup: false)
        try options.requireTextOrJSON("can-i")
    }

    func run() throws {
        let identity = Identity.impersonating(try RBACCommandSupport.principal(`as`, allowGroup: false), extraGroups: asGroups)
        let session = input.session()
        let index = session.rbac(mastersBypass: !options.noMasters)
        let decision = index.check(identity, request.request)
        let diags = index.diagnostics
        if let analysis = azure.load() {
            let oid = analysis.objectID(for: identity)
            let grants = oid.map { analysis.authorizer.kubernetesGrants($0, request.request) } ?? []
            Output.write(options.output == .json
                ? AzureFormatter.decision(decision, diagnostics: diags, grants: grants, objectID: oid, analysis: analysis)
                : RBACTextFormatter.decision(decision, diagnostics: diags) + AzureFormatter.decisionText(grants, objectID: oid, analysis: analysis))
            try LoadErrors.finish(session.snapshot)
            return try AzureOptions.finish(analysis)
        }
        Output.write(options.output == .json ? RBACJSONFormatter.decision(decision, diagnostics: diags) : RBACTextFormatter.decision(decision, diagnostics: diags))
        try LoadErrors.finish(session.snapshot)
    }
}
