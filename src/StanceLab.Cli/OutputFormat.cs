namespace StanceLab.Cli;

/// <summary>How a report is written: a table for people, JSON for programs, Markdown for sharing, a self-contained HTML page to look at.</summary>
public enum OutputFormat { Table, Json, Markdown, Html }
