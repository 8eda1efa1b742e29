using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace RegionalTraining.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DataVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DataVersions",
                columns: table => new
                {
                    Area = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Stamp = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ChangedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataVersions", x => x.Area);
                });

            migrationBuilder.InsertData(
                table: "DataVersions",
                columns: new[] { "Area", "ChangedAtUtc", "Stamp" },
                values: new object[,]
                {
                    { "Figures", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "initial" },
                    { "PublicArchive", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "initial" }
                });

            // The public archive keeps its last change time, so Last-Modified never goes back; the stamps start anew
            // (every node's caches miss once).
            migrationBuilder.Sql(
                "UPDATE DataVersions SET ChangedAtUtc = (SELECT ChangedAtUtc FROM ArchiveVersions WHERE Id = 1) " +
                "WHERE Area = 'PublicArchive' AND EXISTS (SELECT 1 FROM ArchiveVersions WHERE Id = 1)");

            migrationBuilder.DropTable(
                name: "ArchiveVersions");

            migrationBuilder.DropTable(
                name: "FiguresVersion");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DataVersions");

            migrationBuilder.CreateTable(
                name: "ArchiveVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    ChangedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Stamp = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArchiveVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FiguresVersion",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Stamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FiguresVersion", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "ArchiveVersions",
                columns: new[] { "Id", "ChangedAtUtc", "Stamp" },
                values: new object[] { 1, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "initial" });

            migrationBuilder.InsertData(
                table: "FiguresVersion",
                columns: new[] { "Id", "Stamp" },
                values: new object[] { 1, new Guid("5f1c2a0e-0c6b-4f5e-9a51-0d2b7c3e4a12") });
        }
    }
}
