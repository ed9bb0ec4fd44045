namespace OrBench.Testing.Data;

/// <summary>How the lock file <c>orbench.lock.json</c> is used when an official file is loaded.</summary>
public enum LockFileMode
{
    /// <summary>Verify files that have an entry; record files (and the revision) that have none. The default: the first run locks, later runs verify.</summary>
    CreateOrVerify,

    /// <summary>Verify only; a missing lock or entry fails. For CI, where an unlocked file means someone forgot to commit the lock.</summary>
    VerifyOnly,

    /// <summary>No lock file is read or written.</summary>
    Disabled,
}
