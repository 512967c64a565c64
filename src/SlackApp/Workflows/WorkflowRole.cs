namespace SlackApp.Workflows;

/// <summary>What a person may do with a workspace's workflows and settings; ordered from least to most.</summary>
public enum WorkflowRole
{
    /// <summary>May list, view and test workflows.</summary>
    Member,

    /// <summary>A listed workflow manager: may also create, edit, pause, delete and change settings.</summary>
    Manager,

    /// <summary>A workspace admin or owner, or the installer: may also name managers and see or rotate the signal secret.</summary>
    Admin,
}
