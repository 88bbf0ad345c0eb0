package org.kapclinic.identity;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface StaffAccounts extends ListCrudRepository<StaffAccount, UUID> {

	@Query("select * from identity.app_user where lower(username) = lower(:username)")
	Optional<StaffAccount> findByUsername(String username);

	@Query("select exists (select 1 from identity.user_role r join identity.app_user u on u.id = r.user_id where r.role = 'ADMIN' and u.active)")
	boolean anyActiveAdmin();

}
