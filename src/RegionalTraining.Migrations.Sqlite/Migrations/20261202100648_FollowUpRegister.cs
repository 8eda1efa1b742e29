using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RegionalTraining.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FollowUpRegister : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "DeferredUntil",
                table: "Needs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DueOn",
                table: "Needs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Outcome",
                table: "Needs",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "OutcomeOn",
                table: "Needs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Owner",
                table: "Needs",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Plan",
                table: "Needs",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DeferredUntil",
                table: "Constraints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DueOn",
                table: "Constraints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Outcome",
                table: "Constraints",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "OutcomeOn",
                table: "Constraints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Owner",
                table: "Constraints",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Plan",
                table: "Constraints",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ConstraintSheets",
                columns: table => new
                {
                    ConstraintId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProfileId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConstraintSheets", x => new { x.ConstraintId, x.ProfileId });
                    table.ForeignKey(
                        name: "FK_ConstraintSheets_Constraints_ConstraintId",
                        column: x => x.ConstraintId,
                        principalTable: "Constraints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ConstraintSheets_Profiles_ProfileId",
                        column: x => x.ProfileId,
                        principalTable: "Profiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NeedId = table.Column<int>(type: "INTEGER", nullable: true),
                    ConstraintId = table.Column<int>(type: "INTEGER", nullable: true),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpEntries", x => x.Id);
                    table.CheckConstraint("CK_FollowUpEntries_OneItem", "(NeedId IS NOT NULL AND ConstraintId IS NULL) OR (NeedId IS NULL AND ConstraintId IS NOT NULL)");
                    table.ForeignKey(
                        name: "FK_FollowUpEntries_Constraints_ConstraintId",
                        column: x => x.ConstraintId,
                        principalTable: "Constraints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FollowUpEntries_Needs_NeedId",
                        column: x => x.NeedId,
                        principalTable: "Needs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NeedSheets",
                columns: table => new
                {
                    NeedId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProfileId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NeedSheets", x => new { x.NeedId, x.ProfileId });
                    table.ForeignKey(
                        name: "FK_NeedSheets_Needs_NeedId",
                        column: x => x.NeedId,
                        principalTable: "Needs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NeedSheets_Profiles_ProfileId",
                        column: x => x.ProfileId,
                        principalTable: "Profiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConstraintSheets_ProfileId",
                table: "ConstraintSheets",
                column: "ProfileId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpEntries_ConstraintId",
                table: "FollowUpEntries",
                column: "ConstraintId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpEntries_NeedId",
                table: "FollowUpEntries",
                column: "NeedId");

            migrationBuilder.CreateIndex(
                name: "IX_NeedSheets_ProfileId",
                table: "NeedSheets",
                column: "ProfileId");

            // Data: each need and constraint is linked to the sheet it was on. Until now a new year's sheet got copies of
            // the open items (same establishment, category, description and status, on a later sheet): each copy becomes
            // a link from the first item to that later sheet, its decision links move to the first item, and it goes.
            // Then the statuses take their register names (Open is Raised, Dropped is Declined).
            migrationBuilder.Sql("INSERT INTO NeedSheets (NeedId, ProfileId) SELECT DISTINCT CASE WHEN n.Status IN ('Open', 'InProgress') THEN (SELECT MIN(k.Id) FROM Needs k WHERE k.EstablishmentId = n.EstablishmentId AND k.Category = n.Category AND k.Description = n.Description AND k.Status = n.Status AND (k.Id = n.Id OR k.ProfileId <> n.ProfileId)) ELSE n.Id END, n.ProfileId FROM Needs n WHERE n.ProfileId IS NOT NULL");
            migrationBuilder.Sql("INSERT INTO DecisionNeeds (DecisionId, NeedsId) SELECT DISTINCT d.DecisionId, (SELECT MIN(k.Id) FROM Needs k WHERE k.EstablishmentId = n.EstablishmentId AND k.Category = n.Category AND k.Description = n.Description AND k.Status = n.Status AND (k.Id = n.Id OR k.ProfileId <> n.ProfileId)) FROM DecisionNeeds d JOIN Needs n ON n.Id = d.NeedsId WHERE n.Status IN ('Open', 'InProgress') AND (SELECT MIN(k.Id) FROM Needs k WHERE k.EstablishmentId = n.EstablishmentId AND k.Category = n.Category AND k.Description = n.Description AND k.Status = n.Status AND (k.Id = n.Id OR k.ProfileId <> n.ProfileId)) <> n.Id AND NOT EXISTS (SELECT 1 FROM DecisionNeeds e WHERE e.DecisionId = d.DecisionId AND e.NeedsId = (SELECT MIN(k.Id) FROM Needs k WHERE k.EstablishmentId = n.EstablishmentId AND k.Category = n.Category AND k.Description = n.Description AND k.Status = n.Status AND (k.Id = n.Id OR k.ProfileId <> n.ProfileId)))");
            migrationBuilder.Sql("DELETE FROM DecisionNeeds WHERE NeedsId IN (SELECT n.Id FROM Needs n WHERE n.Status IN ('Open', 'InProgress') AND n.Id <> (SELECT MIN(k.Id) FROM Needs k WHERE k.EstablishmentId = n.EstablishmentId AND k.Category = n.Category AND k.Description = n.Description AND k.Status = n.Status AND (k.Id = n.Id OR k.ProfileId <> n.ProfileId)))");
            migrationBuilder.Sql("DELETE FROM Needs WHERE Id IN (SELECT n.Id FROM Needs n WHERE n.Status IN ('Open', 'InProgress') AND n.Id <> (SELECT MIN(k.Id) FROM Needs k WHERE k.EstablishmentId = n.EstablishmentId AND k.Category = n.Category AND k.Description = n.Description AND k.Status = n.Status AND (k.Id = n.Id OR k.ProfileId <> n.ProfileId)))");
            migrationBuilder.Sql("UPDATE Needs SET Status = 'Raised' WHERE Status = 'Open'");
            migrationBuilder.Sql("UPDATE Needs SET Status = 'Declined' WHERE Status = 'Dropped'");
            migrationBuilder.Sql("INSERT INTO ConstraintSheets (ConstraintId, ProfileId) SELECT DISTINCT CASE WHEN n.Status IN ('Open', 'InProgress') THEN (SELECT MIN(k.Id) FROM Constraints k WHERE k.EstablishmentId = n.EstablishmentId AND k.Category = n.Category AND k.Description = n.Description AND k.Status = n.Status AND (k.Id = n.Id OR k.ProfileId <> n.ProfileId)) ELSE n.Id END, n.ProfileId FROM Constraints n WHERE n.ProfileId IS NOT NULL");
            migrationBuilder.Sql("INSERT INTO DecisionConstraints (DecisionId, ConstraintsId) SELECT DISTINCT d.DecisionId, (SELECT MIN(k.Id) FROM Constraints k WHERE k.EstablishmentId = n.EstablishmentId AND k.Category = n.Category AND k.Description = n.Description AND k.Status = n.Status AND (k.Id = n.Id OR k.ProfileId <> n.ProfileId)) FROM DecisionConstraints d JOIN Constraints n ON n.Id = d.ConstraintsId WHERE n.Status IN ('Open', 'InProgress') AND (SELECT MIN(k.Id) FROM Constraints k WHERE k.EstablishmentId = n.EstablishmentId AND k.Category = n.Category AND k.Description = n.Description AND k.Status = n.Status AND (k.Id = n.Id OR k.ProfileId <> n.ProfileId)) <> n.Id AND NOT EXISTS (SELECT 1 FROM DecisionConstraints e WHERE e.DecisionId = d.DecisionId AND e.ConstraintsId = (SELECT MIN(k.Id) FROM Constraints k WHERE k.EstablishmentId = n.EstablishmentId AND k.Category = n.Category AND k.Description = n.Description AND k.Status = n.Status AND (k.Id = n.Id OR k.ProfileId <> n.ProfileId)))");
            migrationBuilder.Sql("DELETE FROM DecisionConstraints WHERE ConstraintsId IN (SELECT n.Id FROM Constraints n WHERE n.Status IN ('Open', 'InProgress') AND n.Id <> (SELECT MIN(k.Id) FROM Constraints k WHERE k.EstablishmentId = n.EstablishmentId AND k.Category = n.Category AND k.Description = n.Description AND k.Status = n.Status AND (k.Id = n.Id OR k.ProfileId <> n.ProfileId)))");
            migrationBuilder.Sql("DELETE FROM Constraints WHERE Id IN (SELECT n.Id FROM Constraints n WHERE n.Status IN ('Open', 'InProgress') AND n.Id <> (SELECT MIN(k.Id) FROM Constraints k WHERE k.EstablishmentId = n.EstablishmentId AND k.Category = n.Category AND k.Description = n.Description AND k.Status = n.Status AND (k.Id = n.Id OR k.ProfileId <> n.ProfileId)))");
            migrationBuilder.Sql("UPDATE Constraints SET Status = 'Raised' WHERE Status = 'Open'");
            migrationBuilder.Sql("UPDATE Constraints SET Status = 'Declined' WHERE Status = 'Dropped'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConstraintSheets");

            migrationBuilder.DropTable(
                name: "FollowUpEntries");

            migrationBuilder.DropTable(
                name: "NeedSheets");

            migrationBuilder.DropColumn(
                name: "DeferredUntil",
                table: "Needs");

            migrationBuilder.DropColumn(
                name: "DueOn",
                table: "Needs");

            migrationBuilder.DropColumn(
                name: "Outcome",
                table: "Needs");

            migrationBuilder.DropColumn(
                name: "OutcomeOn",
                table: "Needs");

            migrationBuilder.DropColumn(
                name: "Owner",
                table: "Needs");

            migrationBuilder.DropColumn(
                name: "Plan",
                table: "Needs");

            migrationBuilder.DropColumn(
                name: "DeferredUntil",
                table: "Constraints");

            migrationBuilder.DropColumn(
                name: "DueOn",
                table: "Constraints");

            migrationBuilder.DropColumn(
                name: "Outcome",
                table: "Constraints");

            migrationBuilder.DropColumn(
                name: "OutcomeOn",
                table: "Constraints");

            migrationBuilder.DropColumn(
                name: "Owner",
                table: "Constraints");

            migrationBuilder.DropColumn(
                name: "Plan",
                table: "Constraints");
        }
    }
}
