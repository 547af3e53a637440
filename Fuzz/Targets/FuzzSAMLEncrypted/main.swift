// libFuzzer entry points of the `samlEncrypted` oracle; the driver is FuzzDriver (FuzzOracles).
// Without FUZZING this file is empty: scripts/fuzz builds with -parse-as-library, where even an
// inactive #else branch may not hold top-level code.
#if FUZZING
    import FuzzOracles

    @_cdecl("LLVMFuzzerTestOneInput")
    public func testOneInput(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
        FuzzDriver.testOneInput(.samlEncrypted, data, count)
    }

    @_cdecl("FuzzSAMLEncrypted_main")
    public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
        FuzzDriver.main(.samlEncrypted, argc, argv, testOneInput)
    }
#endif
