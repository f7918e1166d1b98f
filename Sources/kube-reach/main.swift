import ReachCLI

KubeReach.main()
