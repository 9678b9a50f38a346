import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, Matches, MaxLength, MinLength, Validate, ValidatorConstraint, ValidatorConstraintInterface } from 'class-validator';
import { isValidResidentId } from '@onewindow/domain';
import { NotCommonPasswordConstraint } from '@onewindow/auth';

@ValidatorConstraint({ name: 'residentId' })
class ResidentIdConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && isValidResidentId(value);
  }
}

export class RegisterDto {
  @ApiProperty({ example: '刘建海' })
  @IsString({ message: 'fields.name' })
  @MinLength(1, { message: 'fields.name' })
  @MaxLength(50, { message: 'fields.name' })
  name: string;

  @ApiProperty({ example: '13800000000' })
  @IsString({ message: 'fields.mobile' })
  @Matches(/^1[3-9]\d{9}$/, { message: 'fields.mobile' })
  phone: string;

  @ApiProperty({ example: '11010519491231002X', description: 'resident ID (GB 11643), check digit and birth date verified' })
  @IsString({ message: 'fields.resident_id' })
  @Validate(ResidentIdConstraint, { message: 'fields.resident_id' })
  idNumber: string;

  @ApiPropertyOptional({ example: 'liu.jianhai@example.com', description: 'optional; state changes are sent here by e-mail as well as by SMS' })
  @IsOptional()
  @IsString({ message: 'fields.email' })
  @MaxLength(254, { message: 'fields.email' })
  @IsEmail({ allow_display_name: false, allow_ip_domain: false }, { message: 'fields.email' })
  email?: string | null;

  @ApiProperty({ minLength: 10 })
  @IsString({ message: 'fields.password_too_short' })
  @MinLength(10, { message: 'fields.password_too_short' })
  @MaxLength(200, { message: 'fields.text_too_long' })
  @Validate(NotCommonPasswordConstraint, { message: 'fields.password_common' })
  password: string;
}

export class LoginDto {
  @ApiProperty({ example: '13800000000' })
  @IsString({ message: 'fields.mobile' })
  @MaxLength(20, { message: 'fields.mobile' })
  phone: string;

  @ApiProperty()
  @IsString({ message: 'fields.required' })
  @MaxLength(200, { message: 'fields.text_too_long' })
  password: string;
}

export class SetPasswordDto {
  @ApiProperty({ description: 'the token from the SMS link' })
  @IsString({ message: 'fields.required' })
  @MinLength(10, { message: 'fields.invalid' })
  @MaxLength(100, { message: 'fields.invalid' })
  token: string;

  @ApiProperty({ minLength: 10 })
  @IsString({ message: 'fields.password_too_short' })
  @MinLength(10, { message: 'fields.password_too_short' })
  @MaxLength(200, { message: 'fields.text_too_long' })
  @Validate(NotCommonPasswordConstraint, { message: 'fields.password_common' })
  password: string;
}
