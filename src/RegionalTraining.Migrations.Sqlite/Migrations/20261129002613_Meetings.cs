using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RegionalTraining.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Meetings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Meetings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DirectorateId = table.Column<int>(type: "INTEGER", nullable: false),
                    TitleFr = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TitleAr = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    VenueEstablishmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    VenueText = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ChairName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AnnouncedPublicly = table.Column<bool>(type: "INTEGER", nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    RowVersion = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Meetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Meetings_Directorates_DirectorateId",
                        column: x => x.DirectorateId,
                        principalTable: "Directorates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Meetings_Establishments_VenueEstablishmentId",
                        column: x => x.VenueEstablishmentId,
                        principalTable: "Establishments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AgendaItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TitleFr = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    TitleAr = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Speaker = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PlannedMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    Day = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgendaItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgendaItems_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Decisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    OwnerKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OwnerEstablishmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    OwnerPartner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    RowVersion = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Decisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Decisions_Establishments_OwnerEstablishmentId",
                        column: x => x.OwnerEstablishmentId,
                        principalTable: "Establishments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Decisions_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Interventions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Speaker = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    EstablishmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    SummaryFr = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    SummaryAr = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    FiguresYear = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    FiguresTrainees = table.Column<int>(type: "INTEGER", nullable: true),
                    FiguresTraineesWomen = table.Column<int>(type: "INTEGER", nullable: true),
                    FiguresTrainers = table.Column<int>(type: "INTEGER", nullable: true),
                    FiguresProgrammes = table.Column<int>(type: "INTEGER", nullable: true),
                    FiguresTopNeeds = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    FiguresTopConstraints = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Interventions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Interventions_Establishments_EstablishmentId",
                        column: x => x.EstablishmentId,
                        principalTable: "Establishments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Interventions_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeetingInvitations",
                columns: table => new
                {
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: false),
                    EstablishmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Attendance = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RepresentedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingInvitations", x => new { x.MeetingId, x.EstablishmentId });
                    table.ForeignKey(
                        name: "FK_MeetingInvitations_Establishments_EstablishmentId",
                        column: x => x.EstablishmentId,
                        principalTable: "Establishments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MeetingInvitations_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeetingSummaries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: false),
                    BodyFr = table.Column<string>(type: "TEXT", nullable: false),
                    BodyAr = table.Column<string>(type: "TEXT", nullable: false),
                    PressStatementFr = table.Column<string>(type: "TEXT", nullable: true),
                    PressStatementAr = table.Column<string>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PublishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    SearchKey = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    RowVersion = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingSummaries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingSummaries_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DecisionConstraints",
                columns: table => new
                {
                    ConstraintsId = table.Column<int>(type: "INTEGER", nullable: false),
                    DecisionId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DecisionConstraints", x => new { x.ConstraintsId, x.DecisionId });
                    table.ForeignKey(
                        name: "FK_DecisionConstraints_Constraints_ConstraintsId",
                        column: x => x.ConstraintsId,
                        principalTable: "Constraints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DecisionConstraints_Decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "Decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DecisionNeeds",
                columns: table => new
                {
                    DecisionId = table.Column<int>(type: "INTEGER", nullable: false),
                    NeedsId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DecisionNeeds", x => new { x.DecisionId, x.NeedsId });
                    table.ForeignKey(
                        name: "FK_DecisionNeeds_Decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "Decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DecisionNeeds_Needs_NeedsId",
                        column: x => x.NeedsId,
                        principalTable: "Needs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DecisionNotes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DecisionId = table.Column<int>(type: "INTEGER", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DecisionNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DecisionNotes_Decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "Decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SummaryRevisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SummaryId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    BodyFr = table.Column<string>(type: "TEXT", nullable: false),
                    BodyAr = table.Column<string>(type: "TEXT", nullable: false),
                    PressStatementFr = table.Column<string>(type: "TEXT", nullable: true),
                    PressStatementAr = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SummaryRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SummaryRevisions_MeetingSummaries_SummaryId",
                        column: x => x.SummaryId,
                        principalTable: "MeetingSummaries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItems_MeetingId_Position",
                table: "AgendaItems",
                columns: new[] { "MeetingId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_DecisionConstraints_DecisionId",
                table: "DecisionConstraints",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_DecisionNeeds_NeedsId",
                table: "DecisionNeeds",
                column: "NeedsId");

            migrationBuilder.CreateIndex(
                name: "IX_DecisionNotes_DecisionId",
                table: "DecisionNotes",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_MeetingId",
                table: "Decisions",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_OwnerEstablishmentId",
                table: "Decisions",
                column: "OwnerEstablishmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_Status_DueOn",
                table: "Decisions",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Interventions_EstablishmentId",
                table: "Interventions",
                column: "EstablishmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Interventions_MeetingId_Position",
                table: "Interventions",
                columns: new[] { "MeetingId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_MeetingInvitations_EstablishmentId",
                table: "MeetingInvitations",
                column: "EstablishmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_DirectorateId_StartsOn",
                table: "Meetings",
                columns: new[] { "DirectorateId", "StartsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_Slug",
                table: "Meetings",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_VenueEstablishmentId",
                table: "Meetings",
                column: "VenueEstablishmentId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingSummaries_MeetingId",
                table: "MeetingSummaries",
                column: "MeetingId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeetingSummaries_Status_PublishedAtUtc",
                table: "MeetingSummaries",
                columns: new[] { "Status", "PublishedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_SummaryRevisions_SummaryId_Number",
                table: "SummaryRevisions",
                columns: new[] { "SummaryId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgendaItems");

            migrationBuilder.DropTable(
                name: "DecisionConstraints");

            migrationBuilder.DropTable(
                name: "DecisionNeeds");

            migrationBuilder.DropTable(
                name: "DecisionNotes");

            migrationBuilder.DropTable(
                name: "Interventions");

            migrationBuilder.DropTable(
                name: "MeetingInvitations");

            migrationBuilder.DropTable(
                name: "SummaryRevisions");

            migrationBuilder.DropTable(
                name: "Decisions");

            migrationBuilder.DropTable(
                name: "MeetingSummaries");

            migrationBuilder.DropTable(
                name: "Meetings");
        }
    }
}
