using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RegionalTraining.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class BilingualMeetingTexts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Each single-language column becomes the French one; the values written in Arabic script then move to the
            // new Arabic column, so no text is lost and each lands in the language it is written in.
            migrationBuilder.RenameColumn(name: "VenueText", table: "Meetings", newName: "VenueTextFr");
            migrationBuilder.RenameColumn(name: "ChairName", table: "Meetings", newName: "ChairNameFr");
            migrationBuilder.RenameColumn(name: "RepresentedBy", table: "MeetingInvitations", newName: "RepresentedByFr");
            migrationBuilder.RenameColumn(name: "Speaker", table: "AgendaItems", newName: "SpeakerFr");
            migrationBuilder.RenameColumn(name: "Speaker", table: "Interventions", newName: "SpeakerFr");
            migrationBuilder.RenameColumn(name: "Role", table: "Interventions", newName: "RoleFr");
            migrationBuilder.RenameColumn(name: "Text", table: "Decisions", newName: "TextFr");
            migrationBuilder.AlterColumn<string>(name: "SpeakerFr", table: "Interventions", type: "nvarchar(200)", maxLength: 200, nullable: true,
                oldClrType: typeof(string), oldType: "nvarchar(200)", oldMaxLength: 200);
            migrationBuilder.AlterColumn<string>(name: "TextFr", table: "Decisions", type: "nvarchar(2000)", maxLength: 2000, nullable: true,
                oldClrType: typeof(string), oldType: "nvarchar(2000)", oldMaxLength: 2000);
            migrationBuilder.AddColumn<string>(name: "VenueTextAr", table: "Meetings", type: "nvarchar(300)", maxLength: 300, nullable: true);
            migrationBuilder.AddColumn<string>(name: "ChairNameAr", table: "Meetings", type: "nvarchar(200)", maxLength: 200, nullable: true);
            migrationBuilder.AddColumn<string>(name: "RepresentedByAr", table: "MeetingInvitations", type: "nvarchar(200)", maxLength: 200, nullable: true);
            migrationBuilder.AddColumn<string>(name: "SpeakerAr", table: "AgendaItems", type: "nvarchar(200)", maxLength: 200, nullable: true);
            migrationBuilder.AddColumn<string>(name: "SpeakerAr", table: "Interventions", type: "nvarchar(200)", maxLength: 200, nullable: true);
            migrationBuilder.AddColumn<string>(name: "RoleAr", table: "Interventions", type: "nvarchar(200)", maxLength: 200, nullable: true);
            migrationBuilder.AddColumn<string>(name: "TextAr", table: "Decisions", type: "nvarchar(2000)", maxLength: 2000, nullable: true);
            migrationBuilder.Sql(@"UPDATE [Meetings] SET [VenueTextAr] = [VenueTextFr], [VenueTextFr] = NULL WHERE PATINDEX(N'%[؀-ۿݐ-ݿﭐ-﷿ﹰ-ﻼ]%', [VenueTextFr] COLLATE Latin1_General_100_BIN2) > 0;");
            migrationBuilder.Sql(@"UPDATE [Meetings] SET [ChairNameAr] = [ChairNameFr], [ChairNameFr] = NULL WHERE PATINDEX(N'%[؀-ۿݐ-ݿﭐ-﷿ﹰ-ﻼ]%', [ChairNameFr] COLLATE Latin1_General_100_BIN2) > 0;");
            migrationBuilder.Sql(@"UPDATE [MeetingInvitations] SET [RepresentedByAr] = [RepresentedByFr], [RepresentedByFr] = NULL WHERE PATINDEX(N'%[؀-ۿݐ-ݿﭐ-﷿ﹰ-ﻼ]%', [RepresentedByFr] COLLATE Latin1_General_100_BIN2) > 0;");
            migrationBuilder.Sql(@"UPDATE [AgendaItems] SET [SpeakerAr] = [SpeakerFr], [SpeakerFr] = NULL WHERE PATINDEX(N'%[؀-ۿݐ-ݿﭐ-﷿ﹰ-ﻼ]%', [SpeakerFr] COLLATE Latin1_General_100_BIN2) > 0;");
            migrationBuilder.Sql(@"UPDATE [Interventions] SET [SpeakerAr] = [SpeakerFr], [SpeakerFr] = NULL WHERE PATINDEX(N'%[؀-ۿݐ-ݿﭐ-﷿ﹰ-ﻼ]%', [SpeakerFr] COLLATE Latin1_General_100_BIN2) > 0;");
            migrationBuilder.Sql(@"UPDATE [Interventions] SET [RoleAr] = [RoleFr], [RoleFr] = NULL WHERE PATINDEX(N'%[؀-ۿݐ-ݿﭐ-﷿ﹰ-ﻼ]%', [RoleFr] COLLATE Latin1_General_100_BIN2) > 0;");
            migrationBuilder.Sql(@"UPDATE [Decisions] SET [TextAr] = [TextFr], [TextFr] = NULL WHERE PATINDEX(N'%[؀-ۿݐ-ݿﭐ-﷿ﹰ-ﻼ]%', [TextFr] COLLATE Latin1_General_100_BIN2) > 0;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to one column: the French value, or the Arabic one where there is no French.
            migrationBuilder.Sql(@"UPDATE [Meetings] SET [VenueTextFr] = COALESCE([VenueTextFr], [VenueTextAr]);");
            migrationBuilder.Sql(@"UPDATE [Meetings] SET [ChairNameFr] = COALESCE([ChairNameFr], [ChairNameAr]);");
            migrationBuilder.Sql(@"UPDATE [MeetingInvitations] SET [RepresentedByFr] = COALESCE([RepresentedByFr], [RepresentedByAr]);");
            migrationBuilder.Sql(@"UPDATE [AgendaItems] SET [SpeakerFr] = COALESCE([SpeakerFr], [SpeakerAr]);");
            migrationBuilder.Sql(@"UPDATE [Interventions] SET [SpeakerFr] = COALESCE([SpeakerFr], [SpeakerAr], '');");
            migrationBuilder.Sql(@"UPDATE [Interventions] SET [RoleFr] = COALESCE([RoleFr], [RoleAr]);");
            migrationBuilder.Sql(@"UPDATE [Decisions] SET [TextFr] = COALESCE([TextFr], [TextAr], '');");
            migrationBuilder.DropColumn(name: "VenueTextAr", table: "Meetings");
            migrationBuilder.DropColumn(name: "ChairNameAr", table: "Meetings");
            migrationBuilder.DropColumn(name: "RepresentedByAr", table: "MeetingInvitations");
            migrationBuilder.DropColumn(name: "SpeakerAr", table: "AgendaItems");
            migrationBuilder.DropColumn(name: "SpeakerAr", table: "Interventions");
            migrationBuilder.DropColumn(name: "RoleAr", table: "Interventions");
            migrationBuilder.DropColumn(name: "TextAr", table: "Decisions");
            migrationBuilder.AlterColumn<string>(name: "SpeakerFr", table: "Interventions", type: "nvarchar(200)", maxLength: 200, nullable: false, defaultValue: "",
                oldClrType: typeof(string), oldType: "nvarchar(200)", oldMaxLength: 200, oldNullable: true);
            migrationBuilder.AlterColumn<string>(name: "TextFr", table: "Decisions", type: "nvarchar(2000)", maxLength: 2000, nullable: false, defaultValue: "",
                oldClrType: typeof(string), oldType: "nvarchar(2000)", oldMaxLength: 2000, oldNullable: true);
            migrationBuilder.RenameColumn(name: "VenueTextFr", table: "Meetings", newName: "VenueText");
            migrationBuilder.RenameColumn(name: "ChairNameFr", table: "Meetings", newName: "ChairName");
            migrationBuilder.RenameColumn(name: "RepresentedByFr", table: "MeetingInvitations", newName: "RepresentedBy");
            migrationBuilder.RenameColumn(name: "SpeakerFr", table: "AgendaItems", newName: "Speaker");
            migrationBuilder.RenameColumn(name: "SpeakerFr", table: "Interventions", newName: "Speaker");
            migrationBuilder.RenameColumn(name: "RoleFr", table: "Interventions", newName: "Role");
            migrationBuilder.RenameColumn(name: "TextFr", table: "Decisions", newName: "Text");
        }
    }
}
