using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RegionalTraining.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class DashboardFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FiguresVersion",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    Stamp = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FiguresVersion", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "FiguresVersion",
                columns: new[] { "Id", "Stamp" },
                values: new object[] { 1, new Guid("5f1c2a0e-0c6b-4f5e-9a51-0d2b7c3e4a12") });

            migrationBuilder.CreateIndex(
                name: "IX_Establishments_IsActive_ProvinceId_Type",
                table: "Establishments",
                columns: new[] { "IsActive", "ProvinceId", "Type" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Establishments_IsActive_ProvinceId_Type",
                table: "Establishments");

            migrationBuilder.DropTable(
                name: "FiguresVersion");
        }
    }
}
