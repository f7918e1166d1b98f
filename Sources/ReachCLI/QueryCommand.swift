import ArgumentParser
import Foundation
import RBACEngine
import ReachLoader
import ReachKit
import ReachReports

/// `kube-reach query`: the RBAC batch interface of interfaces.md.
struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Answer a batch of RBAC checks and who-can questions (JSON in, JSON out).",
        discussion: """
        Q.json holds any of checks, whoCan and paths; the answer is the same document with each check's
        "allowed", each whoCan's "subjects" and each path's "reachable", "length" (edges, null when
        unreachable), "hops" and "via" (attack paths of escalation.md). With --azure DIR (docs/azure.md "query"): \
        checks gain "allowedWithAzure" and "azure" as can-i --azure, whoCan entries "azure" as who-can --azure, \
        and paths take Azure principals, footholds and "keyvault VAULT/SECRET" goals, answered as paths --azure. \
        Use -o json for the machine-readable answer. Exit codes: 0 answered; 2 usage or input error.
        """
    )

    @OptionGroup var input: InputOptions
    @Option(help: ArgumentHelp("The queries document (JSON), or - for stdin.", valueName: "Q.json"))
    var queries: String
    @OptionGroup var options: RBACOutputOptions
    @OptionGroup var azure: AzureOptions

    func validate() throws { try options.requireTextOrJSON("query") }

    func run() throws {
        // Capped and chunked like manifests (`--queries - < /dev/zero` stops at 64 MiB).
        let read = CappedInput.read(queries)
        guard let data = read.data else {
            throw ExitCode.inputError(read.diagnostics.map(\.description).joined(separator: "\n"))
        }
        let session = input.session()
        let index = session.rbac(mastersBypass: !options.noMasters)
        let analysis = azure.load()
        let azureQuery = analysis.map { a in
            AzureQuery(analysis: a, analyzer: session.analyzer, reach: { session.networkReach() },
                       format: AzureFormatter.queryFormat(a))
        }
        switch RBACQueryBatch.answer(data, index: index, snapshot: session.snapshot, azure: azureQuery) {
        case .success(let document):
            Output.write(options.output == .json ? RBACJSONFormatter.query(document) : RBACTextFormatter.query(document))
        case .failure(let error):
            throw ExitCode.inputError("\(queries): \(error)")
        }
        try LoadErrors.finish(session.snapshot)
        try AzureOptions.finish(analysis)
    }
}
