#include "application/organizations/invitation_view.hpp"

#include "application/unit_of_work.hpp"
#include "organizations/use_cases/invitation_details.hpp"

namespace numeria::application {

Result<InvitationView> view_invitation(Services& app, const std::string& token) {
    return app.tx.read([&](UnitOfWork& uow) -> Result<InvitationView> {
        NUMERIA_TRY(
            organizations::InvitationDetails details,
            organizations::read_invitation(token, uow.invitations(), uow.memberships(), uow.audit(), app.clock));
        auto organization = uow.organizations().find(details.organization_id);
        if (!organization)
            return fail(Error::invalid("invitation.link_invalid"));
        InvitationView view{details.organization_id, organization->name, details.role, {}, {}};
        if (details.inviter) {
            if (auto inviter = uow.users().find(*details.inviter)) {
                view.inviter_first_name = inviter->first_name;
                view.inviter_last_name = inviter->last_name;
            }
        }
        return view;
    });
}

} // namespace numeria::application
